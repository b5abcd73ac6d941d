package io.teemate.kv.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RESP server in front of a database that fails: clients get a generic error with an id and never the
 * enclave's exception text; the detail goes to the server's standard error under the same id; and one failing
 * client never stops the event loop for the others. The database is a stand-in (no enclave needed).
 */
class KvServerInternalErrorTest {
    static final String LEAK = "E_CRASHED: container kv crashed: java.lang.ArrayIndexOutOfBoundsException: arraycopy";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private KvServer server;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        if (server != null) {
            server.close();
        }
        System.setErr(savedErr);
    }

    /** A stand-in database: PING answers PONG, THROW throws with enclave-internal text, NULL answers nothing. */
    private static List<byte[]> fakeDatabase(List<List<byte[]>> batch) {
        List<byte[]> replies = new ArrayList<>();
        for (List<byte[]> argv : batch) {
            String name = new String(argv.get(0), StandardCharsets.US_ASCII);
            switch (name) {
                case "THROW" -> throw new KvException("the database container could not execute commands: " + LEAK);
                case "NULL" -> {
                    return null; // a broken reply list: a bug on the host side
                }
                case "SHORT" -> {
                    return List.of(); // fewer replies than commands
                }
                default -> replies.add("+PONG\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return replies;
    }

    private static String call(Socket s, String command) throws IOException {
        s.getOutputStream()
                .write(("*1\r\n$" + command.length() + "\r\n" + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            line.append((char) c);
            if (line.toString().endsWith("\r\n")) {
                break;
            }
        }
        return line.toString();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void enclaveFailureTextNeverReachesClientsAndGoesToStderrUnderTheSameId() throws IOException {
        server = KvServer.start(null, 0, KvServerInternalErrorTest::fakeDatabase);
        try (Socket a = connect()) {
            String reply = call(a, "THROW");
            assertThat(reply).matches("-ERR internal error \\(id \\d+\\)\r\n");
            assertThat(reply).doesNotContain("E_CRASHED").doesNotContain("java").doesNotContain("container");
            Matcher id = Pattern.compile("id (\\d+)").matcher(reply);
            assertThat(id.find()).isTrue();
            String log = err.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("internal error (id " + id.group(1) + ")").contains(LEAK);
            assertThat(call(a, "PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void aBrokenBatchFailsItsClientsOnlyAndTheLoopGoesOn() throws IOException {
        server = KvServer.start(null, 0, KvServerInternalErrorTest::fakeDatabase);
        for (String broken : new String[] {"NULL", "SHORT"}) {
            try (Socket a = connect();
                    Socket b = connect()) {
                String reply = call(a, broken);
                // the client is answered with a generic error, or closed; never left waiting, never told internals
                assertThat(reply)
                        .as(broken)
                        .satisfiesAnyOf(
                                r -> assertThat(r).matches("-ERR internal error \\(id \\d+\\)\r\n"),
                                r -> assertThat(r).isEmpty());
                assertThat(call(b, "PING")).as("another client after " + broken).isEqualTo("+PONG\r\n");
            }
            try (Socket c = connect()) {
                assertThat(call(c, "PING")).as("a new client after " + broken).isEqualTo("+PONG\r\n");
            }
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("server loop stopped");
    }
}
