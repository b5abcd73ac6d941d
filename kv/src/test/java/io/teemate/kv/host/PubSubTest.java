package io.teemate.kv.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pub/sub against a real redis-server 7.0: several subscribers and publishers, channels and glob patterns, RESP2
 * (and its pub/sub context) and RESP3 pushes; every reply and every delivered message compared byte for byte.
 */
class PubSubTest {
    ServerDiff diff;

    @BeforeEach
    void start() throws Exception {
        diff = new ServerDiff();
    }

    @AfterEach
    void stop() throws IOException {
        diff.close();
    }

    @Test
    void channelsAndPatternsInResp2() throws IOException {
        assertThat(diff.script("""
                a> SUBSCRIBE news sport
                a<
                b> PSUBSCRIBE n* s?ort [xy]z
                b<
                b<
                c> SUBSCRIBE news
                p> PUBLISH news hello
                a<
                b<
                c<
                p> PUBLISH sport goal
                a<
                b<
                p> PUBLISH xz one
                b<
                p> PUBLISH nothing here
                b<
                p> PUBLISH none x
                b<
                # the pub/sub context: only (un)subscribing, PING, QUIT and RESET
                a> GET k
                a> SET k v
                a> CLIENT ID
                a> PING
                a> PING msg
                a> NOSUCH cmd
                a> GET
                a> PUBLISH news x
                p> PUBSUB NUMSUB news sport none
                p> PUBSUB NUMPAT
                p> PUBSUB CHANNELS nomatch*
                p> PUBSUB CHANNELS spo*
                p> PUBSUB NUMPAT x
                p> PUBSUB CHANNELS a b
                p> PUBSUB HELP
                p> PUBSUB FOO
                p> PUBSUB
                p> PUBLISH x
                p> SUBSCRIBE
                a> UNSUBSCRIBE news
                p> PUBLISH news again
                b<
                c<
                a> UNSUBSCRIBE
                a> UNSUBSCRIBE
                a> PUNSUBSCRIBE x
                a> GET k
                b> PUNSUBSCRIBE [xy]z
                b> PUNSUBSCRIBE
                b<
                b> PUNSUBSCRIBE
                c> RESET
                c> GET k
                p> PUBSUB NUMPAT
                p> PUBSUB CHANNELS
                p> PUBLISH news gone
                """)).isEmpty();
    }

    @Test
    void resp3SubscribersGetPushesAndRunAnyCommand() throws IOException {
        for (String c : List.of("a", "b")) {
            diff.send(c, "HELLO", "3");
            diff.read(c);
        }
        assertThat(diff.script("""
                a> SUBSCRIBE ch
                b> PSUBSCRIBE c*
                a> GET k
                a> PING
                a> SET k v
                p> PUBLISH ch m1
                a<
                b<
                # a subscriber publishing to itself gets the message before its reply
                a> PUBLISH ch m2
                a<
                b<
                a> UNSUBSCRIBE
                a> UNSUBSCRIBE
                b> PUNSUBSCRIBE nope
                b> PUNSUBSCRIBE
                a> SSUBSCRIBE s1 s2
                a<
                p> SPUBLISH s1 hi
                a<
                a> SUNSUBSCRIBE s1
                a> SUNSUBSCRIBE
                a> SUNSUBSCRIBE
                p> PUBSUB SHARDNUMSUB s1
                p> PUBSUB SHARDCHANNELS
                """)).isEmpty();
    }

    @Test
    void messagesArriveInPublishOrderFromManyPublishers() throws IOException {
        assertThat(diff.script("""
                s1> SUBSCRIBE q
                s2> PSUBSCRIBE *
                s3> SUBSCRIBE q other
                s3<
                """)).isEmpty();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String publisher = "p" + (i % 3);
            String m = diff.exact(publisher, "PUBLISH", i % 5 == 0 ? "other" : "q", "m" + i);
            if (m != null) {
                bad.add(m);
            }
        }
        for (int i = 0; i < 30; i++) {
            for (String s : i % 5 == 0 ? List.of("s2", "s3") : List.of("s1", "s2", "s3")) {
                String m = diff.next(s);
                if (m != null) {
                    bad.add(m);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void pipelinedPublishesAreDeliveredInOrder() throws IOException {
        assertThat(diff.script("s> SUBSCRIBE q")).isEmpty();
        for (int i = 0; i < 50; i++) {
            diff.send("p", "PUBLISH", "q", Integer.toString(i));
        }
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String[] r = diff.read("p");
            assertThat(r[1]).isEqualTo(r[0]).isEqualTo(":1\r\n");
            String m = diff.next("s");
            if (m != null) {
                bad.add(m);
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void aClosedSubscriberIsForgotten() throws IOException {
        assertThat(diff.script("""
                s> SUBSCRIBE q
                s> PSUBSCRIBE x*
                s> QUIT
                """)).isEmpty();
        assertThat(diff.kv("s").closed()).isTrue();
        assertThat(diff.redis("s").closed()).isTrue();
        // the server has seen the close once a later command of another client is answered after it
        assertThat(diff.script("""
                p> PING
                p> PUBSUB NUMPAT
                p> PUBLISH q m
                """)).isEmpty();
    }
}
