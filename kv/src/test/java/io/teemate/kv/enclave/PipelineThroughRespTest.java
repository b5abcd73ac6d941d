package io.teemate.kv.enclave;

import io.teemate.kv.host.Resp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's parser and the enclave's engine joined the way the server will join them: bytes in, replies out. */
class PipelineThroughRespTest {
    @Test
    void aPipelinedStreamSplitAnywhereGetsEveryReplyInOrder() throws Exception {
        byte[] wire = ("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\n1\r\n"
                        + "INCR k\r\n"
                        + "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"
                        + "LPUSH k x\r\n"
                        + "*1\r\n$4\r\nPING\r\n"
                        + "foo bar\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String expected = "+OK\r\n:2\r\n$1\r\n2\r\n"
                + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n+PONG\r\n"
                + "-ERR unknown command 'foo', with args beginning with: 'bar' \r\n";
        for (int packet : new int[] {1, 3, 7, wire.length}) {
            KvRig kv = new KvRig();
            Resp parser = new Resp();
            ByteArrayOutputStream replies = new ByteArrayOutputStream();
            for (int off = 0; off < wire.length; off += packet) {
                parser.feed(wire, off, Math.min(packet, wire.length - off));
                for (List<byte[]> cmd : parser.drain()) {
                    replies.writeBytes(kv.engine.execute(cmd));
                }
            }
            assertThat(replies.toString(StandardCharsets.ISO_8859_1))
                    .as("packets of %d", packet)
                    .isEqualTo(expected);
        }
    }
}
