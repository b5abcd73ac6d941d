package io.teemate.kv.host;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The connection commands answered on the host (Redis 7.0 networking.c): HELLO, CLIENT (ID, INFO, LIST, SETNAME,
 * GETNAME, KILL, PAUSE, UNPAUSE, REPLY, NO-EVICT, TRACKING, GETREDIR, TRACKINGINFO, CACHING, UNBLOCK, HELP), RESET
 * and TIME. TIME reads the host's clock, as every time this server shows (the enclave has no clock of its own: the
 * host tells it the time of each batch).
 */
final class ClientCommands {
    private final KvConfig config;
    private final Supplier<Collection<ServerCommands.Client>> clients;
    private final PubSub pubsub;
    private final Monitor monitor;
    /** CLIENT PAUSE: until when (epoch ms, 0 for no pause) and whether ALL commands wait or only writes. */
    private long pauseEnd;

    private boolean pauseAll;

    ClientCommands(
            KvConfig config, Supplier<Collection<ServerCommands.Client>> clients, PubSub pubsub, Monitor monitor) {
        this.config = config;
        this.clients = clients;
        this.pubsub = pubsub;
        this.monitor = monitor;
    }

    // ------------------------------------------------------------------ HELLO, RESET, TIME

    /** HELLO [protover [AUTH username password] [SETNAME clientname]] (networking.c helloCommand). */
    byte[] hello(ServerCommands.Client c, List<byte[]> argv) {
        long ver = 0;
        int next = 1;
        if (argv.size() >= 2) {
            Long v = strictLong(argv.get(next++));
            if (v == null) {
                return Resp.error("ERR Protocol version is not an integer or out of range");
            }
            if (v < 2 || v > 3) {
                return Resp.error("NOPROTO unsupported protocol version");
            }
            ver = v;
        }
        for (int j = next; j < argv.size(); j++) {
            int more = argv.size() - 1 - j;
            String opt = ServerCommands.text(argv.get(j));
            if (opt.equalsIgnoreCase("auth") && more >= 2) {
                if (!passwordOk(argv.get(j + 1), argv.get(j + 2))) {
                    return Resp.error("WRONGPASS invalid username-password pair or user is disabled.");
                }
                c.authenticated = true;
                j += 2;
            } else if (opt.equalsIgnoreCase("setname") && more >= 1) {
                byte[] err = setName(c, argv.get(j + 1));
                if (err != null) {
                    return err;
                }
                j++;
            } else {
                return Resp.error("ERR Syntax error in HELLO option '" + opt + "'");
            }
        }
        if (!c.authenticated) {
            return Resp.error("NOAUTH HELLO must be called with the client already authenticated, otherwise the"
                    + " HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP"
                    + " protocol version at the same time");
        }
        if (ver != 0) {
            c.resp = (int) ver;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Resp3.mapHeader(c.resp, 7));
        out.writeBytes(Resp.bulk("server"));
        out.writeBytes(Resp.bulk("redis"));
        out.writeBytes(Resp.bulk("version"));
        out.writeBytes(Resp.bulk(ServerCommands.REDIS_VERSION));
        out.writeBytes(Resp.bulk("proto"));
        out.writeBytes(Resp.integer(c.resp));
        out.writeBytes(Resp.bulk("id"));
        out.writeBytes(Resp.integer(c.id));
        out.writeBytes(Resp.bulk("mode"));
        out.writeBytes(Resp.bulk("standalone"));
        out.writeBytes(Resp.bulk("role"));
        out.writeBytes(Resp.bulk("master"));
        out.writeBytes(Resp.bulk("modules"));
        out.writeBytes(Resp.array(List.of()));
        return out.toByteArray();
    }

    /**
     * Whether user/password is the default user's: requirepass, or any password when none is set (Redis's default
     * user is then nopass). Compared in constant time.
     */
    boolean passwordOk(byte[] user, byte[] password) {
        if (!ServerCommands.text(user).equals("default")) {
            return false;
        }
        String required = config.requirepass();
        return required == null
                || java.security.MessageDigest.isEqual(password, required.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * RESET (networking.c resetCommand, clearClientConnectionState): no more MONITOR, db 0, RESP2, no name, no
     * subscriptions, replies on, and back to the default user's authentication (none once requirepass is set).
     * A transaction is discarded by the MULTI code, which sees RESET as it sees DISCARD.
     */
    byte[] reset(ServerCommands.Client c) {
        monitor.remove(c);
        c.db = 0;
        c.resp = 2;
        c.name = null;
        c.multi = -1;
        pubsub.forget(c);
        c.noEvict = false;
        c.replyOff = false;
        c.skipNext = false;
        c.armSkip = false;
        c.authenticated = config.requirepass() == null;
        return Resp.simple("RESET");
    }

    /** TIME: the host's clock, seconds and microseconds (server.c timeCommand). */
    static byte[] time() {
        java.time.Instant now = java.time.Instant.now();
        return Resp.array(
                List.of(ascii(Long.toString(now.getEpochSecond())), ascii(Long.toString(now.getNano() / 1000))));
    }

    // ------------------------------------------------------------------ CLIENT

    /** CLIENT subcommand [args] (networking.c clientCommand). */
    byte[] client(ServerCommands.Client c, List<byte[]> argv) {
        String sub = ServerCommands.text(argv.get(1)).toLowerCase(Locale.ROOT);
        int n = argv.size();
        Integer arity = SUB_ARITY.get(sub);
        if (arity == null) {
            return Resp.error("ERR unknown subcommand '" + ServerCommands.text(argv.get(1)) + "'. Try CLIENT HELP.");
        }
        if ((arity > 0 && n != arity) || (arity < 0 && n < -arity)) {
            return Resp.error("ERR wrong number of arguments for 'client|" + sub + "' command");
        }
        switch (sub) {
            case "id" -> {
                return Resp.integer(c.id);
            }
            case "info" -> {
                return Resp.bulk(info(c, c));
            }
            case "list" -> {
                return list(c, argv);
            }
            case "setname" -> {
                byte[] err = setName(c, argv.get(2));
                return err != null ? err : Resp.simple("OK");
            }
            case "getname" -> {
                return Resp.bulk(c.name == null ? null : c.name.getBytes(StandardCharsets.UTF_8));
            }
            case "kill" -> {
                return kill(c, argv);
            }
            case "pause" -> {
                return pause(argv);
            }
            case "unpause" -> {
                pauseEnd = 0;
                return Resp.simple("OK");
            }
            case "reply" -> {
                switch (lower(argv.get(2))) {
                    case "on" -> {
                        c.replyOff = false;
                        c.skipNext = false;
                        return Resp.simple("OK");
                    }
                    case "off" -> {
                        c.replyOff = true;
                        return null;
                    }
                    case "skip" -> {
                        if (!c.replyOff) {
                            c.armSkip = true;
                        }
                        return null;
                    }
                    default -> {
                        return Resp.error("ERR syntax error");
                    }
                }
            }
            case "no-evict" -> {
                switch (lower(argv.get(2))) {
                    case "on" -> c.noEvict = true;
                    case "off" -> c.noEvict = false;
                    default -> {
                        return Resp.error("ERR syntax error");
                    }
                }
                return Resp.simple("OK");
            }
            case "tracking" -> {
                // client side caching needs the engine to report every key a client read and every key written;
                // it does not, so turning it on is refused rather than promised and never invalidated
                return switch (lower(argv.get(2))) {
                    case "off" -> n == 3 ? Resp.simple("OK") : Resp.error("ERR syntax error");
                    case "on" -> Resp.error("ERR CLIENT TRACKING is not supported by this server");
                    default -> Resp.error("ERR syntax error");
                };
            }
            case "getredir" -> {
                return Resp.integer(-1);
            }
            case "trackinginfo" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("*6\r\n".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(Resp.bulk("flags"));
                out.writeBytes(Resp.array(List.of(ascii("off"))));
                out.writeBytes(Resp.bulk("redirect"));
                out.writeBytes(Resp.integer(-1));
                out.writeBytes(Resp.bulk("prefixes"));
                out.writeBytes(Resp.array(List.of()));
                return out.toByteArray();
            }
            case "caching" -> {
                return Resp.error("ERR CLIENT CACHING can be called only when the client is in tracking mode with"
                        + " OPTIN or OPTOUT mode enabled");
            }
            case "unblock" -> {
                if (strictLong(argv.get(2)) == null) {
                    return Resp.error("ERR value is not an integer or out of range");
                }
                if (n == 4) {
                    String why = lower(argv.get(3));
                    if (!why.equals("timeout") && !why.equals("error")) {
                        return Resp.error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
                    }
                } else if (n > 4) {
                    return Resp.error("ERR syntax error");
                }
                return Resp.integer(0); // no client of this server is blocked here
            }
            case "help" -> {
                return help(HELP);
            }
            default -> throw new IllegalStateException(sub);
        }
    }

    /** CLIENT subcommands and their arity (Redis 7.0's src/commands/client-*.json). */
    private static final java.util.Map<String, Integer> SUB_ARITY = java.util.Map.ofEntries(
            java.util.Map.entry("id", 2),
            java.util.Map.entry("info", 2),
            java.util.Map.entry("list", -2),
            java.util.Map.entry("setname", 3),
            java.util.Map.entry("getname", 2),
            java.util.Map.entry("kill", -3),
            java.util.Map.entry("pause", -3),
            java.util.Map.entry("unpause", 2),
            java.util.Map.entry("reply", 3),
            java.util.Map.entry("no-evict", 3),
            java.util.Map.entry("tracking", -3),
            java.util.Map.entry("getredir", 2),
            java.util.Map.entry("trackinginfo", 2),
            java.util.Map.entry("caching", 3),
            java.util.Map.entry("unblock", -3),
            java.util.Map.entry("help", 2));

    /** clientSetNameOrReply: printable ASCII without spaces; empty removes the name. Null, or the error. */
    static byte[] setName(ServerCommands.Client c, byte[] name) {
        for (byte b : name) {
            if (b < '!' || b > '~') {
                return Resp.error("ERR Client names cannot contain spaces, newlines or special characters.");
            }
        }
        c.name = name.length == 0 ? null : new String(name, StandardCharsets.US_ASCII);
        return null;
    }

    /** CLIENT LIST [TYPE type] [ID id ...]: one line per client, in connection order. */
    private byte[] list(ServerCommands.Client self, List<byte[]> argv) {
        int n = argv.size();
        StringBuilder b = new StringBuilder();
        if (n == 4 && lower(argv.get(2)).equals("type")) {
            String type = lower(argv.get(3));
            if (!TYPES.contains(type)) {
                return Resp.error("ERR Unknown client type '" + ServerCommands.text(argv.get(3)) + "'");
            }
            for (ServerCommands.Client c : clients.get()) {
                if (type(c).equals(type.equals("slave") ? "replica" : type)) {
                    b.append(info(self, c));
                }
            }
        } else if (n > 3 && lower(argv.get(2)).equals("id")) {
            List<Long> ids = new ArrayList<>();
            for (byte[] a : argv.subList(3, n)) {
                Long id = strictLong(a);
                if (id == null) {
                    return Resp.error("ERR Invalid client ID");
                }
                ids.add(id);
            }
            for (long id : ids) {
                for (ServerCommands.Client c : clients.get()) {
                    if (c.id == id) {
                        b.append(info(self, c));
                    }
                }
            }
        } else if (n != 2) {
            return Resp.error("ERR syntax error");
        } else {
            for (ServerCommands.Client c : clients.get()) {
                b.append(info(self, c));
            }
        }
        return Resp.bulk(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static final java.util.Set<String> TYPES =
            java.util.Set.of("normal", "slave", "replica", "pubsub", "master");

    /** networking.c getClientType: a MONITOR counts as normal; a subscriber as pubsub. */
    private String type(ServerCommands.Client c) {
        return c.subscribed() || pubsub.shardCount(c) > 0 ? "pubsub" : "normal";
    }

    /**
     * One CLIENT LIST line, the fields of Redis 7.0.15's catClientInfoString in its order. The memory figures are
     * what this server has for the connection: qbuf the bytes read and not yet parsed, omem the replies not yet
     * written; rbs/rbp 0 (one read buffer serves every client), fd -1 (Java does not expose descriptors).
     */
    String info(ServerCommands.Client self, ServerCommands.Client c) {
        long now = System.currentTimeMillis();
        ClientState.Link l = c.link;
        int qbuf = l == null ? 0 : l.queryBuffer();
        long omem = l == null ? 0 : l.outputBytes();
        int oll = l == null ? 0 : l.outputCount();
        long argvMem = c == self ? self.argvBytes : 0;
        return "id=" + c.id
                + " addr=" + (l == null ? "" : l.addr())
                + " laddr=" + (l == null ? "" : l.laddr())
                + " fd=-1"
                + " name=" + (c.name == null ? "" : c.name)
                + " age=" + (now - c.createdMillis) / 1000
                + " idle=" + (now - c.lastMillis) / 1000
                + " flags=" + flags(c)
                + " db=" + c.db
                + " sub=" + c.channels.size()
                + " psub=" + c.patterns.size()
                + " ssub=" + pubsub.shardCount(c)
                + " multi=" + c.multi
                + " qbuf=" + qbuf
                + " qbuf-free=0"
                + " argv-mem=" + argvMem
                + " multi-mem=0"
                + " rbs=0 rbp=0"
                + " obl=0"
                + " oll=" + oll
                + " omem=" + omem
                + " tot-mem=" + (qbuf + argvMem + omem)
                + " events=" + (oll > 0 ? "rw" : "r")
                + " cmd=" + c.lastCommand
                + " user=default redir=-1"
                + " resp=" + c.resp
                + "\n";
    }

    /** networking.c getClientInfoString's flags, the ones this server has, in Redis's order. */
    private String flags(ServerCommands.Client c) {
        StringBuilder f = new StringBuilder();
        if (c.monitor) {
            f.append('O');
        }
        if (c.subscribed() || pubsub.shardCount(c) > 0) {
            f.append('P');
        }
        if (c.multi >= 0) {
            f.append('x');
        }
        if (c.quit) {
            f.append('c');
        }
        if (c.noEvict) {
            f.append('e');
        }
        return f.isEmpty() ? "N" : f.toString();
    }

    /**
     * CLIENT KILL ip:port (the old form: +OK or "No such client") or CLIENT KILL filter value ... (ID, TYPE, ADDR,
     * LADDR, USER, SKIPME; the number killed). The client itself, when it matches (SKIPME no, or the old form), gets
     * its reply and is closed after it (CLIENT_CLOSE_AFTER_COMMAND).
     */
    private byte[] kill(ServerCommands.Client self, List<byte[]> argv) {
        int n = argv.size();
        if (n == 3) {
            String addr = ServerCommands.text(argv.get(2));
            for (ServerCommands.Client c : new ArrayList<>(clients.get())) {
                if (c.link != null && c.link.addr().equals(addr)) {
                    close(self, c);
                    return Resp.simple("OK");
                }
            }
            return Resp.error("ERR No such client");
        }
        Long id = null;
        String type = null;
        String addr = null;
        String laddr = null;
        boolean skipme = true;
        for (int i = 2; i < n; i += 2) {
            boolean more = n > i + 1;
            String opt = lower(argv.get(i));
            if (!more) {
                return Resp.error("ERR syntax error");
            }
            String v = ServerCommands.text(argv.get(i + 1));
            switch (opt) {
                case "id" -> {
                    Long x = strictLong(argv.get(i + 1));
                    if (x == null || x < 1) {
                        return Resp.error("ERR client-id should be greater than 0");
                    }
                    id = x;
                }
                case "type" -> {
                    type = v.toLowerCase(Locale.ROOT);
                    if (!TYPES.contains(type)) {
                        return Resp.error("ERR Unknown client type '" + v + "'");
                    }
                    if (type.equals("slave")) {
                        type = "replica";
                    }
                }
                case "addr" -> addr = v;
                case "laddr" -> laddr = v;
                case "user" -> {
                    if (!v.equals("default")) {
                        return Resp.error("ERR No such user '" + v + "'");
                    }
                }
                case "skipme" -> {
                    switch (v.toLowerCase(Locale.ROOT)) {
                        case "yes" -> skipme = true;
                        case "no" -> skipme = false;
                        default -> {
                            return Resp.error("ERR syntax error");
                        }
                    }
                }
                default -> {
                    return Resp.error("ERR syntax error");
                }
            }
        }
        int killed = 0;
        for (ServerCommands.Client c : new ArrayList<>(clients.get())) {
            if ((id != null && c.id != id)
                    || (type != null && !type(c).equals(type))
                    || (addr != null && (c.link == null || !c.link.addr().equals(addr)))
                    || (laddr != null && (c.link == null || !c.link.laddr().equals(laddr)))
                    || (skipme && c == self)) {
                continue;
            }
            close(self, c);
            killed++;
        }
        return Resp.integer(killed);
    }

    private static void close(ServerCommands.Client self, ServerCommands.Client c) {
        if (c == self) {
            c.quit = true; // answered, then closed
        } else if (c.link != null) {
            c.link.kill();
        }
    }

    /** CLIENT PAUSE timeout [WRITE|ALL] (networking.c pauseClients: the more restrictive mode and later end win). */
    private byte[] pause(List<byte[]> argv) {
        Long ms = strictLong(argv.get(2));
        if (ms == null) {
            return Resp.error("ERR timeout is not an integer or out of range");
        }
        if (ms < 0) {
            return Resp.error("ERR timeout is negative");
        }
        boolean all = true;
        if (argv.size() == 4) {
            switch (lower(argv.get(3))) {
                case "write" -> all = false;
                case "all" -> all = true;
                default -> {
                    return Resp.error("ERR CLIENT PAUSE mode must be WRITE or ALL");
                }
            }
        } else if (argv.size() > 4) {
            return Resp.error("ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP.");
        }
        long now = System.currentTimeMillis();
        long end = now + ms;
        if (pauseEnd > now) {
            pauseAll |= all;
            pauseEnd = Math.max(pauseEnd, end);
        } else {
            pauseAll = all;
            pauseEnd = end;
        }
        return Resp.simple("OK");
    }

    /**
     * Whether a command must wait for the end of a CLIENT PAUSE (server.c processCommand: every command under ALL,
     * under WRITE the ones that may write or replicate: {@code write}).
     */
    boolean paused(boolean write) {
        if (pauseEnd == 0) {
            return false;
        }
        if (System.currentTimeMillis() >= pauseEnd) {
            pauseEnd = 0;
            return false;
        }
        return pauseAll || write;
    }

    /** When the current pause ends (epoch ms), 0 without one: the event loop wakes up then. */
    long pauseEnd() {
        return pauseEnd;
    }

    private static final List<String> HELP = List.of(
            "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CACHING (YES|NO)",
            "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
            "GETREDIR",
            "    Return the client ID we are redirecting to when tracking is enabled.",
            "GETNAME",
            "    Return the name of the current connection.",
            "ID",
            "    Return the ID of the current connection.",
            "INFO",
            "    Return information about the current client connection.",
            "KILL <ip:port>",
            "    Kill connection made from <ip:port>.",
            "KILL <option> <value> [<option> <value> [...]]",
            "    Kill connections. Options are:",
            "    * ADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made from the specified address",
            "    * LADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made to specified local address",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Kill connections by type.",
            "    * USER <username>",
            "      Kill connections authenticated by <username>.",
            "    * SKIPME (YES|NO)",
            "      Skip killing current connection (default: yes).",
            "LIST [options ...]",
            "    Return information about client connections. Options:",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Return clients of specified type.",
            "UNPAUSE",
            "    Stop the current client pause, resuming traffic.",
            "PAUSE <timeout> [WRITE|ALL]",
            "    Suspend all, or just write, clients for <timeout> milliseconds.",
            "REPLY (ON|OFF|SKIP)",
            "    Control the replies sent to the current connection.",
            "SETNAME <name>",
            "    Assign the name <name> to the current connection.",
            "UNBLOCK <clientid> [TIMEOUT|ERROR]",
            "    Unblock the specified blocked client.",
            "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
            "         [OPTIN] [OPTOUT] [NOLOOP]",
            "    Control server assisted client side caching.",
            "TRACKINGINFO",
            "    Report tracking status for the current connection.",
            "NO-EVICT (ON|OFF)",
            "    Protect current client connection from eviction.",
            "HELP",
            "    Prints this help.");

    /** A HELP reply: an array of status lines (server.c addReplyHelp). */
    static byte[] help(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + lines.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String l : lines) {
            out.writeBytes(Resp.simple(l));
        }
        return out.toByteArray();
    }

    /** Redis's string2ll: an optional '-', digits, no leading zero, no '+', in range; else null. */
    static Long strictLong(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        if (s.isEmpty()
                || s.length() > 20
                || s.startsWith("+")
                || (s.length() > 1 && s.startsWith("0"))
                || s.startsWith("-0")) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String lower(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
