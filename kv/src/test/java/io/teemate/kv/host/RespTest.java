package io.teemate.kv.host;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RespTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> words(List<byte[]> cmd) {
        return cmd.stream().map(x -> new String(x, StandardCharsets.ISO_8859_1)).toList();
    }

    static List<List<String>> all(Resp r) throws RespProtocolException {
        List<List<String>> out = new ArrayList<>();
        for (List<byte[]> c : r.drain()) {
            out.add(words(c));
        }
        return out;
    }

    @Test
    void parsesAMultibulkCommand() throws Exception {
        Resp r = new Resp();
        r.feed(b("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nva\r\nl\r\n"));
        assertThat(words(r.next())).containsExactly("SET", "k", "va\r\nl"); // bulks are binary safe
        assertThat(r.next()).isNull();
        assertThat(r.buffered()).isZero();
    }

    @Test
    void pipelinedCommandsComeOutInOrder() throws Exception {
        Resp r = new Resp();
        r.feed(b("*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"));
        assertThat(all(r)).containsExactly(List.of("PING"), List.of("GET", "a"), List.of("PING"), List.of("ECHO", ""));
    }

    @Test
    void splitPacketsAtEveryByteGiveTheSameCommands() throws Exception {
        byte[] stream = b("*2\r\n$3\r\nGET\r\n$10\r\n0123456789\r\nSET a \"b c\"\r\n*0\r\n*1\r\n$4\r\nPING\r\n");
        for (int cut = 1; cut < stream.length; cut++) {
            Resp r = new Resp();
            List<List<String>> got = new ArrayList<>();
            r.feed(stream, 0, cut);
            got.addAll(all(r));
            r.feed(stream, cut, stream.length - cut);
            got.addAll(all(r));
            assertThat(got)
                    .as("cut at %d", cut)
                    .containsExactly(List.of("GET", "0123456789"), List.of("SET", "a", "b c"), List.of("PING"));
        }
    }

    @Property(tries = 200)
    void randomCommandsSurviveRandomPacketSplits(
            @ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 5) List<String>> cmds,
            @ForAll @IntRange(min = 1, max = 17) int packet)
            throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (List<String> c : cmds) {
            wire.writeBytes(Resp.command(c.toArray(String[]::new)));
        }
        byte[] bytes = wire.toByteArray();
        Resp r = new Resp();
        List<List<String>> got = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += packet) {
            r.feed(bytes, off, Math.min(packet, bytes.length - off));
            for (List<byte[]> c : r.drain()) {
                got.add(c.stream()
                        .map(x -> new String(x, StandardCharsets.UTF_8))
                        .toList());
            }
        }
        assertThat(got).isEqualTo(cmds);
        assertThat(r.buffered()).isZero();
    }

    @Test
    void inlineCommands() throws Exception {
        Resp r = new Resp();
        r.feed(b("  set  key   value \r\nGET key\n\r\n\nsEt k \"a\\x41\\n\\\"q\" 'it\\'s'\r\n"));
        assertThat(all(r))
                .containsExactly(
                        List.of("set", "key", "value"), List.of("GET", "key"), List.of("sEt", "k", "aA\n\"q", "it's"));
        r.feed(b("PING"));
        assertThat(r.next()).isNull(); // no newline yet
        r.feed(b("\r\n"));
        assertThat(words(r.next())).containsExactly("PING");
    }

    @Test
    void emptyRequestsAreSkipped() throws Exception {
        Resp r = new Resp();
        r.feed(b("*0\r\n*-1\r\n\r\n*1\r\n$4\r\nPING\r\n"));
        assertThat(all(r)).containsExactly(List.of("PING"));
    }

    /** Each input and message checked against redis-server 7.0.15, which answers exactly these and closes. */
    @Test
    void protocolErrorsUseRedisMessages() {
        assertError("*abc\r\n", "Protocol error: invalid multibulk length");
        assertError("*3000000000\r\n", "Protocol error: invalid multibulk length");
        assertError("*1\r\n+OK\r\n", "Protocol error: expected '$', got '+'");
        assertError("*1\r\n$-1\r\n", "Protocol error: invalid bulk length");
        assertError("*1\r\n$x\r\n", "Protocol error: invalid bulk length");
        assertError("*1\r\n$536870913\r\n", "Protocol error: invalid bulk length");
        assertError("SET \"a\r\n", "Protocol error: unbalanced quotes in request");
        assertError("SET \"a\"b\r\n", "Protocol error: unbalanced quotes in request");
        assertError("SET 'a\r\n", "Protocol error: unbalanced quotes in request");
        assertError("x".repeat(Resp.INLINE_MAX + 1), "Protocol error: too big inline request");
        assertError("*" + "1".repeat(Resp.INLINE_MAX + 1), "Protocol error: too big mbulk count string");
        assertError("*1\r\n$" + "1".repeat(Resp.INLINE_MAX + 1), "Protocol error: too big bulk count string");
    }

    @Test
    void aFailedParserStaysFailedAndTheReplyIsRedisOwn() {
        Resp r = new Resp();
        r.feed(b("*1\r\n:1\r\n"));
        assertThatThrownBy(r::next).isInstanceOf(RespProtocolException.class);
        r.feed(b("*1\r\n$4\r\nPING\r\n"));
        RespProtocolException e = org.junit.jupiter.api.Assertions.assertThrows(RespProtocolException.class, r::next);
        assertThat(new String(e.reply(), StandardCharsets.US_ASCII))
                .isEqualTo("-ERR Protocol error: expected '$', got ':'\r\n");
    }

    @Test
    void largeBulkAcrossManyFeeds() throws Exception {
        byte[] value = new byte[200_000];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        byte[] wire = Resp.array(List.of(b("SET"), b("k"), value));
        Resp r = new Resp();
        for (int off = 0; off < wire.length; off += 1000) {
            assertThat(r.next()).isNull();
            r.feed(wire, off, Math.min(1000, wire.length - off));
        }
        List<byte[]> cmd = r.next();
        assertThat(cmd.get(2)).isEqualTo(value);
    }

    @Test
    void encoders() {
        assertThat(s(Resp.simple("OK"))).isEqualTo("+OK\r\n");
        assertThat(s(Resp.error("ERR bad\r\nthing"))).isEqualTo("-ERR bad  thing\r\n");
        assertThat(s(Resp.integer(-42))).isEqualTo(":-42\r\n");
        assertThat(s(Resp.bulk("hé"))).isEqualTo("$3\r\nh\u00c3\u00a9\r\n");
        assertThat(s(Resp.bulk((byte[]) null))).isEqualTo("$-1\r\n");
        assertThat(s(Resp.nullArray())).isEqualTo("*-1\r\n");
        List<byte[]> items = new ArrayList<>();
        items.add(b("a"));
        items.add(null);
        assertThat(s(Resp.array(items))).isEqualTo("*2\r\n$1\r\na\r\n$-1\r\n");
        assertThat(s(Resp.command("GET", "k"))).isEqualTo("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
    }

    private static String s(byte[] x) {
        return new String(x, StandardCharsets.ISO_8859_1);
    }

    private static void assertError(String input, String message) {
        Resp r = new Resp();
        r.feed(b(input));
        assertThatThrownBy(r::drain)
                .as(input.length() > 40 ? input.substring(0, 40) : input)
                .isInstanceOf(RespProtocolException.class)
                .hasMessage(message);
    }
}
