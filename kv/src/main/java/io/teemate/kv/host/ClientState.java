package io.teemate.kv.host;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A client connection's protocol state, Redis's client struct fields that are not the dataset's: the RESP version
 * HELLO chose, its pub/sub subscriptions, CLIENT REPLY's mode, MONITOR, and what CLIENT LIST shows. Kept on the host,
 * which owns the connections; {@link #deliver} is where every reply to the client passes (transcoded to RESP3,
 * or dropped by CLIENT REPLY OFF/SKIP).
 */
class ClientState {
    /** The connection under this state, as the server shows and drives it; set once the client is accepted. */
    interface Link {
        /** The peer's ip:port (CLIENT LIST addr). */
        String addr();

        /** The server's ip:port of the connection (CLIENT LIST laddr). */
        String laddr();

        /** Queues bytes that are not the reply to this client's own command (a pub/sub message, MONITOR). */
        void push(byte[] bytes);

        /** Closes the connection now, without writing what is queued (CLIENT KILL of another client). */
        void kill();

        /** Bytes read and not yet parsed into a command (CLIENT LIST qbuf). */
        int queryBuffer();

        /** Replies queued and not yet written: count, bytes (CLIENT LIST oll, omem). */
        int outputCount();

        long outputBytes();
    }

    /** Redis's c->resp: 2 until HELLO 3. */
    int resp = 2;

    Link link;
    final long createdMillis = System.currentTimeMillis();
    long lastMillis = createdMillis;
    /** The full name of the last command run (CLIENT LIST cmd), "NULL" before the first. */
    String lastCommand = "NULL";
    /** The bytes of the arguments of the command running now (CLIENT LIST argv-mem). */
    long argvBytes;
    /** Subscribed channels and patterns, in subscription order (pubsub.c c->pubsub_channels, pubsub_patterns). */
    final Set<String> channels = new LinkedHashSet<>();

    final Set<String> patterns = new LinkedHashSet<>();
    /** CLIENT REPLY OFF; skipNext: this command's reply is dropped (SKIP); armSkip: SKIP was just asked. */
    boolean replyOff;

    boolean skipNext;
    boolean armSkip;
    /** A MONITOR: every command of every client is streamed to it. */
    boolean monitor;

    boolean noEvict;
    /** Commands queued in MULTI, -1 outside MULTI (CLIENT LIST multi); kept by the MULTI code. */
    int multi = -1;
    /** The selected database (CLIENT LIST db); RESET puts 0 back. */
    int db;

    /** Whether the client is in RESP2's pub/sub context (server.c processCommand: CLIENT_PUBSUB, resp 2). */
    boolean subscribed() {
        return !channels.isEmpty() || !patterns.isEmpty();
    }

    /**
     * The bytes to write for {@code reply}, this client's command {@code argv}'s RESP2 reply (or a reply built for
     * its protocol, see {@link ReplyShapes#NATIVE}); null to write nothing (CLIENT REPLY OFF or SKIP, or no reply).
     */
    byte[] deliver(List<byte[]> argv, byte[] reply) {
        boolean drop = replyOff || skipNext;
        skipNext = false;
        if (armSkip) { // networking.c: CLIENT_REPLY_SKIP_NEXT becomes SKIP once the SKIP command itself is done
            armSkip = false;
            skipNext = true;
        }
        if (drop || reply == null) {
            return null;
        }
        return resp == 3 ? ReplyShapes.toResp3(argv, reply) : reply;
    }
}
