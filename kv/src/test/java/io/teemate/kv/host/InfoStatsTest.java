package io.teemate.kv.host;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * INFO commandstats, errorstats and cpu against a real redis-server 7.0: the same commands (calls that run, that
 * fail, that processCommand rejects, unknown ones, transactions) give the same calls, rejected_calls and
 * failed_calls per command and the same errorstat lines; CONFIG RESETSTAT clears them; the sections come in Redis's
 * order, commandstats only in INFO all/everything.
 */
class InfoStatsTest {
    /** Commands whose replies both servers give byte for byte, errors of every kind among them. */
    static final String SCRIPT = """
            a> SET a 1
            a> INCR a
            a> SET s x
            a> INCR s
            a> LPUSH s x
            a> GET
            a> FOO bar
            a> CONFIG GET
            a> CONFIG NOSUCH
            a> MSET a
            a> MSET a b c
            a> MULTI
            a> SET q 1
            a> GET
            a> EXEC
            a> MULTI
            a> INCR s
            a> SET t 1
            a> LPUSH s y
            a> EXEC
            a> EXEC
            a> DISCARD
            a> WATCH
            a> WATCH a
            a> UNWATCH
            a> MULTI
            a> MULTI
            a> DISCARD
            a> PING
            a> ECHO hi
            a> GET a
            a> DEL a t
            a> XYZZY
            a> HSET s f v
            a> BLPOP nokey 0.01
            b>> BLPOP q 0
            a> RPUSH q x
            b<
            a> BLPOP s 0
            """;

    /** cmdstat_NAME -> "calls=..,rejected_calls=..,failed_calls=.." (usec is each server's own). */
    static Map<String, String> counts(String info) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile(
                        "cmdstat_([^:]+):calls=(\\d+),usec=\\d+,usec_per_call=\\d+\\.\\d\\d,rejected_calls=(\\d+),failed_calls=(\\d+)\r\n")
                .matcher(info);
        while (m.find()) {
            out.put(
                    m.group(1),
                    "calls=" + m.group(2) + ",rejected_calls=" + m.group(3) + ",failed_calls=" + m.group(4));
        }
        return out;
    }

    static List<String> headers(String info) {
        List<String> h = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^# (\\w+)\r\n").matcher(info);
        while (m.find()) {
            h.add(m.group(1));
        }
        return h;
    }

    @Test
    void theSameCommandsGiveTheSameCountsAndErrorstats() throws Exception {
        try (ServerDiff d = new ServerDiff()) {
            assertThat(d.exact("a", "CONFIG", "RESETSTAT")).isNull(); // what starting the servers counted
            assertThat(d.script(SCRIPT)).isEmpty();
            d.send("a", "INFO", "commandstats");
            String[] stats = d.read("a");
            Map<String, String> redis = counts(stats[0]);
            assertThat(redis)
                    .containsKeys("incr", "get", "config|get", "mset", "exec", "multi", "hset", "blpop", "rpush");
            assertThat(redis.get("blpop")).isEqualTo("calls=3,rejected_calls=0,failed_calls=1");
            assertThat(counts(stats[1])).isEqualTo(redis);
            assertThat(d.exact("a", "INFO", "errorstats")).isNull();

            assertThat(d.exact("a", "CONFIG", "RESETSTAT")).isNull();
            assertThat(d.exact("a", "INFO", "errorstats")).isNull();
            assertThat(d.script("""
                            a> GET
                            a> INCR s
                            a> SET k v
                            """)).isEmpty();
            d.send("a", "INFO", "commandstats");
            String[] after = d.read("a");
            assertThat(counts(after[1]))
                    .isEqualTo(counts(after[0]))
                    .containsOnlyKeys("config|resetstat", "info", "get", "incr", "set");
            assertThat(d.exact("a", "INFO", "errorstats")).isNull();
        }
    }

    @Test
    void sectionsComeInRedisOrderWithCommandstatsOnlyInAll() throws Exception {
        try (ServerDiff d = new ServerDiff()) {
            for (String[] arg : new String[][] {{}, {"default"}, {"all"}, {"everything"}}) {
                String[] words = new String[arg.length + 1];
                words[0] = "INFO";
                System.arraycopy(arg, 0, words, 1, arg.length);
                d.send("a", words);
                String[] r = d.read("a");
                List<String> redis = headers(r[0]);
                List<String> ours = headers(r[1]);
                // the sections TeeMate has, in the order redis-server gives them (it has no replication, modules,
                // latencystats or cluster)
                assertThat(ours)
                        .as("INFO %s", String.join(" ", arg))
                        .isEqualTo(redis.stream().filter(ours::contains).toList())
                        .contains("CPU", "Errorstats");
                assertThat(ours.contains("Commandstats")).isEqualTo(redis.contains("Commandstats"));
            }
            d.send("a", "INFO", "cpu");
            String[] cpu = d.read("a");
            Pattern field = Pattern.compile("(?m)^(used_cpu_\\w+):\\d+\\.\\d{6}\r\n");
            List<String> names = new ArrayList<>();
            for (String r : cpu) {
                Matcher m = field.matcher(r);
                List<String> n = new ArrayList<>();
                while (m.find()) {
                    n.add(m.group(1));
                }
                names.add(String.join(",", n));
            }
            assertThat(names.get(1)).isEqualTo(names.get(0)).startsWith("used_cpu_sys,used_cpu_user,");
        }
    }
}
