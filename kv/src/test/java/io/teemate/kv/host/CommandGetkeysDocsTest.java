package io.teemate.kv.host;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMMAND GETKEYS and COMMAND DOCS against a real redis-server 7.0, byte for byte: keys found by the table's key
 * positions, by numkeys for the movable-keys commands, by SORT's STORE; the errors for unknown, keyless and
 * miscounted commands; every command's documentation.
 */
class CommandGetkeysDocsTest {
    @Test
    void getkeysFindsTheKeysRedisFinds() throws Exception {
        try (ServerDiff d = new ServerDiff()) {
            assertThat(d.script("""
                            a> COMMAND GETKEYS get k
                            a> COMMAND GETKEYS GET k
                            a> COMMAND GETKEYS set k v EX 10
                            a> COMMAND GETKEYS mset a 1 b 2 c 3
                            a> COMMAND GETKEYS del a b c
                            a> COMMAND GETKEYS blpop a b 0
                            a> COMMAND GETKEYS rename a b
                            a> COMMAND GETKEYS bitop and d a b
                            a> COMMAND GETKEYS watch a b
                            a> COMMAND GETKEYS lmpop 2 a b left
                            a> COMMAND GETKEYS lmpop 3 a b left
                            a> COMMAND GETKEYS lmpop 0 a left
                            a> COMMAND GETKEYS lmpop x a left
                            a> COMMAND GETKEYS blmpop 0 2 a b left
                            a> COMMAND GETKEYS zmpop 1 a min
                            a> COMMAND GETKEYS sintercard 2 a b limit 1
                            a> COMMAND GETKEYS zunion 2 a b
                            a> COMMAND GETKEYS zinter 2 a b withscores
                            a> COMMAND GETKEYS zdiff 1 a
                            a> COMMAND GETKEYS zintercard 2 a b
                            a> COMMAND GETKEYS zunionstore d 2 a b
                            a> COMMAND GETKEYS zinterstore d 2 a b weights 1 2
                            a> COMMAND GETKEYS zdiffstore d 1 a
                            a> COMMAND GETKEYS zrangestore d s 0 -1
                            a> COMMAND GETKEYS sort a
                            a> COMMAND GETKEYS sort a by x store d
                            a> COMMAND GETKEYS sort a limit 0 1 get # store d store e
                            a> COMMAND GETKEYS sort_ro a by x
                            a> COMMAND GETKEYS object encoding k
                            a> COMMAND GETKEYS object help
                            a> COMMAND GETKEYS object nosuch k
                            a> COMMAND GETKEYS memory usage k
                            a> COMMAND GETKEYS memory usage k samples 5
                            a> COMMAND GETKEYS memory stats
                            a> COMMAND GETKEYS ping
                            a> COMMAND GETKEYS ping x
                            a> COMMAND GETKEYS dbsize x
                            a> COMMAND GETKEYS flushall sync
                            a> COMMAND GETKEYS multi x
                            a> COMMAND GETKEYS config get x
                            a> COMMAND GETKEYS info x
                            a> COMMAND GETKEYS nosuch a
                            a> COMMAND GETKEYS get a b
                            a> COMMAND GETKEYS set a
                            a> COMMAND GETKEYS mset a
                            a> COMMAND GETKEYS get
                            a> COMMAND GETKEYS
                            a> COMMAND HELP
                            a> CONFIG HELP
                            a> COMMAND help x
                            a> COMMAND COUNT x
                            """)).isEmpty();
        }
    }

    /** A RESP2/RESP3 reply as nested lists, the pairs under each "subcommands" sorted by name. */
    static Object normalized(String reply) {
        int[] at = {0};
        return parse(reply, at, false);
    }

    private static Object parse(String s, int[] at, boolean sortPairs) {
        char type = s.charAt(at[0]);
        int eol = s.indexOf("\r\n", at[0]);
        String head = s.substring(at[0] + 1, eol);
        at[0] = eol + 2;
        switch (type) {
            case '$', '=' -> {
                int n = Integer.parseInt(head);
                if (n < 0) {
                    return null;
                }
                String v = s.substring(at[0], at[0] + n);
                at[0] += n + 2;
                return v;
            }
            case '*', '%', '~' -> {
                int n = Integer.parseInt(head) * (type == '%' ? 2 : 1);
                List<Object> items = new ArrayList<>();
                String last = null;
                for (int i = 0; i < n; i++) {
                    Object item = parse(s, at, "subcommands".equals(last));
                    items.add(item);
                    last = item instanceof String t ? t : null;
                }
                if (sortPairs) {
                    List<List<Object>> pairs = new ArrayList<>();
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        pairs.add(List.of(items.get(i), items.get(i + 1)));
                    }
                    pairs.sort(java.util.Comparator.comparing(p -> (String) p.get(0)));
                    return pairs;
                }
                return items;
            }
            default -> {
                return type + head;
            }
        }
    }

    @Test
    void docsAreRedisDocsForEveryCommand() throws Exception {
        try (ServerDiff d = new ServerDiff()) {
            RespClient c = new RespClient(d.kv.port());
            List<String> words = new ArrayList<>(List.of("COMMAND", "DOCS"));
            for (Object name : (List<?>) c.call("COMMAND", "LIST")) {
                words.add((String) name);
            }
            c.close();
            assertThat(words.size()).isGreaterThan(150);
            d.send("a", words.toArray(String[]::new));
            String[] r = d.read("a");
            // a container's subcommands come in redis-server's dict order, which changes with its hash seed
            assertThat(normalized(r[1])).isEqualTo(normalized(r[0]));
            assertThat(r[1]).hasSameSizeAs(r[0]);
            assertThat(d.script("""
                            a> COMMAND DOCS get
                            a> COMMAND DOCS GET nosuch zadd
                            a> COMMAND DOCS nosuch
                            a> COMMAND DOCS zadd sort_ro watch multi
                            """)).isEmpty();
            assertThat(d.exact("a", "HELLO", "3")).isNotNull(); // the servers' HELLO replies differ (version, id)
            d.send("a", "COMMAND", "DOCS", "client", "memory", "object", "config");
            String[] containers = d.read("a");
            assertThat(normalized(containers[1])).isEqualTo(normalized(containers[0]));
            assertThat(d.script("""
                            a> COMMAND DOCS get zadd sort
                            """)).isEmpty();
        }
    }
}
