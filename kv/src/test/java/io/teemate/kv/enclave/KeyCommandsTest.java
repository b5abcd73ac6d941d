package io.teemate.kv.enclave;

import io.teemate.kv.abi.Glob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.teemate.kv.enclave.KvRig.NIL;
import static io.teemate.kv.enclave.KvRig.OK;
import static io.teemate.kv.enclave.KvRig.bulk;
import static io.teemate.kv.enclave.KvRig.err;
import static io.teemate.kv.enclave.KvRig.integer;
import static org.assertj.core.api.Assertions.assertThat;

class KeyCommandsTest {
    final KvRig kv = new KvRig();

    @Test
    void delExistsUnlinkType() {
        kv.cmd("MSET a 1 b 2 c 3");
        assertThat(kv.cmd("EXISTS a a nope b")).isEqualTo(integer(3));
        assertThat(kv.cmd("DEL a nope")).isEqualTo(integer(1));
        assertThat(kv.cmd("UNLINK b c")).isEqualTo(integer(2));
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(0));
        kv.cmd("SET s x");
        kv.cmd("RPUSH l x");
        kv.cmd("HSET h f v");
        kv.cmd("SADD st m");
        assertThat(kv.cmd("TYPE s")).isEqualTo("+string\r\n");
        assertThat(kv.cmd("TYPE l")).isEqualTo("+list\r\n");
        assertThat(kv.cmd("TYPE h")).isEqualTo("+hash\r\n");
        assertThat(kv.cmd("TYPE st")).isEqualTo("+set\r\n");
        assertThat(kv.cmd("TYPE nope")).isEqualTo("+none\r\n");
        assertThat(kv.cmd("DEL s l h st")).isEqualTo(integer(4));
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(0));
    }

    @Test
    void expiryIsLazyWithTheInjectedClock() {
        kv.cmd("SET k v");
        assertThat(kv.cmd("EXPIRE k 10")).isEqualTo(integer(1));
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(10));
        kv.now += 9_999;
        assertThat(kv.cmd("GET k")).isEqualTo(bulk("v"));
        assertThat(kv.cmd("PTTL k")).isEqualTo(integer(1));
        kv.now += 1;
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(1)); // not deleted until touched, as Redis
        assertThat(kv.cmd("GET k")).isEqualTo(NIL);
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(0));
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(-2));
        assertThat(kv.cmd("EXPIRE k 10")).isEqualTo(integer(0));
    }

    @Test
    void expireVariantsAndOptions() {
        kv.cmd("SET k v");
        assertThat(kv.cmd("PEXPIRE k 1500")).isEqualTo(integer(1));
        assertThat(kv.cmd("PTTL k")).isEqualTo(integer(1500));
        assertThat(kv.run("EXPIREAT", "k", Long.toString(kv.now / 1000 + 100))).isEqualTo(integer(1));
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(100));
        assertThat(kv.run("PEXPIREAT", "k", Long.toString(kv.now + 50))).isEqualTo(integer(1));
        assertThat(kv.cmd("PTTL k")).isEqualTo(integer(50));
        assertThat(kv.cmd("PERSIST k")).isEqualTo(integer(1));
        assertThat(kv.cmd("PERSIST k")).isEqualTo(integer(0));
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(-1));
        assertThat(kv.cmd("EXPIRE k 100 XX")).isEqualTo(integer(0));
        assertThat(kv.cmd("EXPIRE k 100 NX")).isEqualTo(integer(1));
        assertThat(kv.cmd("EXPIRE k 200 NX")).isEqualTo(integer(0));
        assertThat(kv.cmd("EXPIRE k 50 GT")).isEqualTo(integer(0));
        assertThat(kv.cmd("EXPIRE k 200 GT")).isEqualTo(integer(1));
        assertThat(kv.cmd("EXPIRE k 300 LT")).isEqualTo(integer(0));
        assertThat(kv.cmd("EXPIRE k 20 LT")).isEqualTo(integer(1));
        assertThat(kv.cmd("TTL k")).isEqualTo(integer(20));
        assertThat(kv.cmd("EXPIRE k 20 NX XX"))
                .isEqualTo(err("ERR NX and XX, GT or LT options at the same time are not compatible"));
        assertThat(kv.cmd("EXPIRE k 20 GT LT"))
                .isEqualTo(err("ERR GT and LT options at the same time are not compatible"));
        assertThat(kv.cmd("EXPIRE k 20 FOO")).isEqualTo(err("ERR Unsupported option FOO"));
        assertThat(kv.cmd("EXPIRE k abc")).isEqualTo(err("ERR value is not an integer or out of range"));
        assertThat(kv.cmd("EXPIRE k 9223372036854775807"))
                .isEqualTo(err("ERR invalid expire time in 'expire' command"));
        assertThat(kv.cmd("EXPIRE k -1")).isEqualTo(integer(1)); // a past deadline deletes
        assertThat(kv.cmd("EXISTS k")).isEqualTo(integer(0));
    }

    @Test
    void renameKeepsValueAndDeadline() {
        kv.cmd("SET a 1 EX 100");
        assertThat(kv.cmd("RENAME a b")).isEqualTo(OK);
        assertThat(kv.cmd("GET a")).isEqualTo(NIL);
        assertThat(kv.cmd("GET b")).isEqualTo(bulk("1"));
        assertThat(kv.cmd("TTL b")).isEqualTo(integer(100));
        assertThat(kv.cmd("RENAME nope x")).isEqualTo(err("ERR no such key"));
        assertThat(kv.cmd("RENAMENX nope x")).isEqualTo(err("ERR no such key"));
        kv.cmd("RPUSH l x y");
        assertThat(kv.cmd("RENAMENX b l")).isEqualTo(integer(0));
        assertThat(kv.cmd("RENAME b l")).isEqualTo(OK);
        assertThat(kv.cmd("TYPE l")).isEqualTo("+string\r\n");
        assertThat(kv.cmd("RENAMENX l m")).isEqualTo(integer(1));
        assertThat(kv.cmd("RENAME m m")).isEqualTo(OK);
        assertThat(kv.cmd("RENAMENX m m")).isEqualTo(integer(0));
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(1));
    }

    @Test
    void keysWithGlobs() {
        kv.cmd("MSET hello 1 hallo 2 hxllo 3 hllo 4 heeeello 5 world 6");
        assertThat(keysOf(kv.cmd("KEYS h?llo"))).containsExactlyInAnyOrder("hello", "hallo", "hxllo");
        assertThat(keysOf(kv.cmd("KEYS h*llo")))
                .containsExactlyInAnyOrder("hello", "hallo", "hxllo", "hllo", "heeeello");
        assertThat(keysOf(kv.cmd("KEYS h[ae]llo"))).containsExactlyInAnyOrder("hello", "hallo");
        assertThat(keysOf(kv.cmd("KEYS h[^e]llo"))).containsExactlyInAnyOrder("hallo", "hxllo");
        assertThat(keysOf(kv.cmd("KEYS h[a-b]llo"))).containsExactlyInAnyOrder("hallo");
        assertThat(keysOf(kv.cmd("KEYS *"))).hasSize(6);
        assertThat(keysOf(kv.cmd("KEYS w\\orld"))).containsExactly("world");
        assertThat(keysOf(kv.cmd("KEYS nothing*"))).isEmpty();
    }

    @Test
    void globMatcherEdgeCases() {
        assertThat(Glob.matches(b("*"), b(""))).isFalse(); // Redis's matcher too; KEYS * special-cases "*"
        assertThat(Glob.matches(b("a*"), b("a"))).isTrue();
        assertThat(Glob.matches(b("a**b"), b("axxb"))).isTrue();
        assertThat(Glob.matches(b("?"), b(""))).isFalse();
        assertThat(Glob.matches(b("[abc"), b("a"))).isTrue(); // unterminated class, as Redis
        assertThat(Glob.matches(b("a\\*"), b("a*"))).isTrue();
        assertThat(Glob.matches(b("a\\*"), b("ab"))).isFalse();
        assertThat(Glob.matches(b("[z-a]"), b("m"))).isTrue();
    }

    @Test
    void scanVisitsEveryKeyEvenWhileTheTableGrows() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            kv.run("SET", "key:" + i, "v");
            expected.add("key:" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int rounds = 0;
        int extra = 0;
        do {
            List<String> reply = parseScan(kv.run("SCAN", cursor, "COUNT", "7"));
            cursor = reply.get(0);
            seen.addAll(reply.subList(1, reply.size()));
            if (rounds++ % 3 == 0) {
                kv.run("SET", "extra:" + extra++, "v"); // grows the table between calls
            }
        } while (!cursor.equals("0"));
        assertThat(seen).containsAll(expected);
        List<String> matched = parseScan(kv.run("SCAN", "0", "MATCH", "key:1?", "COUNT", "10000"));
        assertThat(matched.get(0)).isEqualTo("0");
        assertThat(matched.subList(1, matched.size())).hasSize(10);
        kv.cmd("RPUSH alist x");
        List<String> typed = parseScan(kv.run("SCAN", "0", "TYPE", "list", "COUNT", "10000"));
        assertThat(typed.subList(1, typed.size())).containsExactly("alist");
        assertThat(kv.cmd("SCAN abc")).isEqualTo(err("ERR invalid cursor"));
        assertThat(kv.cmd("SCAN 0 COUNT 0")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SCAN 0 COUNT")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("SCAN 0 FOO bar")).isEqualTo(err("ERR syntax error"));
    }

    @Test
    void randomkeyDbsizeFlushSelect() {
        assertThat(kv.cmd("RANDOMKEY")).isEqualTo(NIL);
        kv.cmd("MSET a 1 b 2 c 3");
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String r = kv.cmd("RANDOMKEY");
            picked.add(r.substring(r.indexOf('\n') + 1, r.length() - 2));
        }
        assertThat(picked).containsExactlyInAnyOrder("a", "b", "c");
        kv.cmd("PEXPIRE a 1");
        kv.cmd("PEXPIRE b 1");
        kv.cmd("PEXPIRE c 1");
        kv.now += 5;
        assertThat(kv.cmd("RANDOMKEY")).isEqualTo(NIL); // expired keys are never returned
        kv.cmd("MSET a 1 b 2 c 3");
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(3));
        assertThat(kv.cmd("FLUSHDB")).isEqualTo(OK);
        assertThat(kv.cmd("DBSIZE")).isEqualTo(integer(0));
        kv.cmd("SET a 1");
        assertThat(kv.cmd("FLUSHALL ASYNC")).isEqualTo(OK);
        assertThat(kv.cmd("FLUSHALL BAD")).isEqualTo(err("ERR syntax error"));
        assertThat(kv.cmd("GET a")).isEqualTo(NIL);
        assertThat(kv.cmd("SELECT 0")).isEqualTo(OK);
        assertThat(kv.cmd("SELECT 16")).isEqualTo(err("ERR DB index is out of range")); // databases 16
        assertThat(kv.cmd("SELECT 0")).isEqualTo(OK);
        assertThat(kv.cmd("SELECT x")).isEqualTo(err("ERR value is not an integer or out of range"));
    }

    @Test
    void flushReturnsTheMemory() {
        long before = kv.heap.pagesInUse();
        for (int i = 0; i < 500; i++) {
            kv.run("SET", "k" + i, "x".repeat(100));
        }
        kv.run("SET", "big", "y".repeat(100_000));
        kv.cmd("FLUSHDB");
        kv.run("SET", "big2", "y".repeat(100_000)); // reuses the freed block
        for (int i = 0; i < 500; i++) {
            kv.run("SET", "k" + i, "x".repeat(100));
        }
        long used = kv.ks.usedBytes();
        kv.cmd("FLUSHDB");
        for (int i = 0; i < 500; i++) {
            kv.run("SET", "k" + i, "x".repeat(100));
        }
        assertThat(kv.ks.usedBytes()).isEqualTo(used); // the second round fits in freed blocks
        assertThat(kv.heap.pagesInUse()).isGreaterThan((int) before);
    }

    @Test
    void aFullKeyspaceAnswersOom() {
        KvRig small = new KvRig(64, 64 * 1024);
        String reply = "";
        for (int i = 0; i < 10_000 && !reply.startsWith("-"); i++) {
            reply = small.run("SET", "k" + i, "x".repeat(100));
        }
        assertThat(reply).isEqualTo(err("OOM command not allowed when used memory > 'maxmemory'."));
        assertThat(small.cmd("GET k0")).isEqualTo(bulk("x".repeat(100)));
    }

    @Test
    void aFullKeyspaceLeavesNoEmptyCollectionBehind() {
        KvRig small = new KvRig(64, 64 * 1024);
        String big = "x".repeat(20_000);
        small.run("SET", "filler", "y".repeat(30_000));
        assertThat(small.run("HSET", "h", "f", big))
                .isEqualTo(err("OOM command not allowed when used memory > 'maxmemory'."));
        assertThat(small.run("SADD", "s", big)).startsWith("-OOM");
        assertThat(small.run("RPUSH", "l", big)).startsWith("-OOM");
        assertThat(small.cmd("EXISTS h s l")).isEqualTo(integer(0));
        assertThat(small.cmd("DBSIZE")).isEqualTo(integer(1));
    }

    @Test
    void largeValuesGiveTheirPagesBackWhenDeleted() {
        int before = kv.heap.pagesInUse();
        kv.run("SET", "big", "z".repeat(1 << 20));
        int withBig = kv.heap.pagesInUse();
        assertThat(withBig - before).isGreaterThanOrEqualTo(256);
        kv.cmd("DEL big");
        assertThat(kv.heap.pagesInUse() - before).isLessThan(8); // the whole pages inside the block are released
        kv.run("SET", "again", "q".repeat(1 << 20));
        assertThat(kv.run("GETRANGE", "again", "0", "3")).isEqualTo(bulk("qqqq"));
        assertThat(kv.cmd("STRLEN again")).isEqualTo(integer(1 << 20));
    }

    @Test
    void scanMatchStarReturnsTheEmptyKeyToo() {
        kv.run("SET", "", "empty name");
        kv.run("SET", "a", "1");
        List<String> all = parseScan(kv.run("SCAN", "0", "MATCH", "*", "COUNT", "100"));
        assertThat(all.subList(1, all.size())).containsExactlyInAnyOrder("", "a");
        assertThat(keysOf(kv.cmd("KEYS *"))).containsExactlyInAnyOrder("", "a");
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bulk strings of an array reply (flat). */
    static List<String> keysOf(String reply) {
        List<String> out = new ArrayList<>();
        String[] lines = reply.split("\r\n");
        for (int i = 1; i < lines.length; i += 2) {
            out.add(lines[i + 1]);
        }
        return out;
    }

    /** [cursor, keys...] of a SCAN reply. */
    static List<String> parseScan(String reply) {
        String[] lines = reply.split("\r\n", -1);
        List<String> out = new ArrayList<>();
        out.add(lines[2]);
        int n = Integer.parseInt(lines[3].substring(1));
        for (int i = 0; i < n; i++) {
            out.add(lines[5 + 2 * i]);
        }
        return out;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void keysAndScanWithAnAbusivePatternAnswerPromptly() { // Glob, security review finding 6 (CVE-2022-36021)
        KvRig kv = new KvRig();
        kv.run("SET", "a".repeat(48), "v");
        kv.run("SET", "important", "data");
        assertThat(kv.run("KEYS", "*a*a*a*a*a*a*a*a*a*b")).isEqualTo("*0\r\n");
        assertThat(kv.run("SCAN", "0", "MATCH", "*a*a*a*a*a*a*a*a*a*b", "COUNT", "100"))
                .isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
        assertThat(kv.run("GET", "important")).isEqualTo(bulk("data"));
    }
}
