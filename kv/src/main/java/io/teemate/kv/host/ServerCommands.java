package io.teemate.kv.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's own commands, answered on the host side because they are about the server, not the dataset:
 * INFO, SAVE, BGSAVE, BGREWRITEAOF, LASTSAVE, CONFIG, COMMAND, AUTH, SHUTDOWN, QUIT; and the connection's protocol,
 * dispatched to {@link ClientCommands} (HELLO, CLIENT, RESET, TIME), {@link PubSub}, {@link Monitor} and
 * {@link SlowLog} (SLOWLOG, LATENCY), with the hooks the event loop calls around every command. The
 * dataset figures INFO shows come from inside the enclave ({@link KvDatabase#stats}). Errors are Redis 7's.
 */
final class ServerCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCommands.class);

    /** Server commands and their Redis arity. */
    static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("info", -1),
            Map.entry("save", 1),
            Map.entry("bgsave", -1),
            Map.entry("lastsave", 1),
            Map.entry("config", -2),
            Map.entry("command", -1),
            Map.entry("client", -2),
            Map.entry("quit", -1),
            Map.entry("shutdown", -1),
            Map.entry("bgrewriteaof", 1),
            Map.entry("auth", -2),
            // the connection's protocol (ClientCommands, PubSub, Monitor, SlowLog)
            Map.entry("hello", -1),
            Map.entry("reset", 1),
            Map.entry("time", 1),
            Map.entry("monitor", 1),
            Map.entry("slowlog", -2),
            Map.entry("latency", -2),
            Map.entry("subscribe", -2),
            Map.entry("psubscribe", -2),
            Map.entry("ssubscribe", -2),
            Map.entry("unsubscribe", -1),
            Map.entry("punsubscribe", -1),
            Map.entry("sunsubscribe", -1),
            Map.entry("publish", 3),
            Map.entry("spublish", 3),
            Map.entry("pubsub", -2));

    /** The transaction's commands ({@link Transaction}) and their Redis arity. */
    static final Map<String, Integer> TRANSACTION_ARITY =
            Map.of("multi", 1, "exec", 1, "discard", 1, "watch", -2, "unwatch", 1);

    /** The Redis version this server reports (INFO redis_version, HELLO version). */
    static final String REDIS_VERSION = "7.0.0";

    /**
     * What a client connection keeps for the server: its id and name, and its connection state (protocol,
     * subscriptions, reply mode...) in {@link ClientState}.
     */
    static final class Client extends ClientState {
        final long id;
        String name;
        boolean quit;
        /** Redis's c->authenticated: true from the start when no password was required at connect, or after AUTH. */
        boolean authenticated;
        /** Redis's c->db: the database the client SELECTed (0 at connect); every command it sends runs there. */
        int db;

        Client(long id) {
            this.id = id;
        }
    }

    /** What the server tells its commands: the counters INFO reports, and shutting it down. */
    interface Server {
        int connectedClients();

        long connectionsReceived();

        long commandsProcessed();

        /** Clients blocked in BLPOP and friends (INFO's blocked_clients). */
        default int blockedClients() {
            return 0;
        }

        int port();

        long startMillis();

        /** Every connected client, in connection order (CLIENT LIST, CLIENT KILL). */
        java.util.Collection<Client> clients();

        /** The event loop's thread (INFO's used_cpu_*_main_thread), -1 if unknown. */
        default long loopThreadId() {
            return -1;
        }

        /** CONFIG RESETSTAT: the statistics INFO reports start again from zero. */
        void resetStats();

        /**
         * Shuts the server down as {@code how} says (SHUTDOWN): true if it is going down, false if it cannot (the
         * final save failed without FORCE; the reason is in the log).
         */
        boolean shutdown(KvServer.Shutdown how);
    }

    private final KvDatabase db;
    private final KvConfig config;
    private final Server counters;
    /** CONFIG GET's answer at start for the settings a running server keeps: where it listens and its files. */
    private final Map<String, List<String>> atStart = new java.util.HashMap<>();
    /** The enclave's expired-keys count at the last CONFIG RESETSTAT (INFO's expired_keys counts from there). */
    private long expiredKeysAtReset;
    /** The same for expired_time_cap_reached_count and expire_cycle_cpu_milliseconds. */
    private long timeCapAtReset;

    private long cycleMicrosAtReset;

    /** INFO commandstats and errorstats. */
    final CommandStats commandStats = new CommandStats();

    final PubSub pubsub = new PubSub();
    final Monitor monitor = new Monitor();
    final SlowLog slowlog;
    final ClientCommands clients;

    ServerCommands(KvDatabase db, KvConfig config, Server counters) {
        this.db = db;
        this.config = config;
        this.counters = counters;
        this.slowlog = new SlowLog(config);
        this.clients = new ClientCommands(config, counters::clients, pubsub, monitor);
        for (String name : List.of("port", "bind", "dir", "dbfilename")) {
            atStart.put(name, config.get(List.of(name)));
        }
        if (db != null) { // null: a stand-in database in tests of the loop alone
            db.encodingThresholds(config.encodingThresholds()); // a config file's, before any client's command
        }
    }

    static boolean handles(String lowerName) {
        return ARITY.containsKey(lowerName);
    }

    /** The reply to server command {@code argv} from {@code client}. */
    byte[] execute(Client client, List<byte[]> argv) {
        String name = text(argv.get(0)).toLowerCase(Locale.ROOT);
        int arity = ARITY.get(name);
        if ((arity > 0 && argv.size() != arity) || (arity < 0 && argv.size() < -arity)) {
            return Resp.error("ERR wrong number of arguments for '" + name + "' command");
        }
        try {
            return switch (name) {
                case "info" -> Resp.bulk(info(argv.subList(1, argv.size())));
                case "save" -> {
                    db.save();
                    yield Resp.simple("OK");
                }
                case "bgsave" -> bgsave(argv);
                case "bgrewriteaof" ->
                    Resp.simple(
                            db.bgrewriteaof() == KvDatabase.RewriteStart.STARTED
                                    ? "Background append only file rewriting started"
                                    : "Background append only file rewriting scheduled");
                case "lastsave" -> Resp.integer(db.lastSaveSeconds());
                case "config" -> config(argv);
                case "command" -> command(argv);
                case "client" -> clients.client(client, argv);
                case "hello" -> clients.hello(client, argv);
                case "reset" -> clients.reset(client);
                case "time" -> ClientCommands.time();
                case "monitor" -> monitor.add(client);
                case "slowlog" -> slowlog.slowlog(argv);
                case "latency" -> SlowLog.latency(argv);
                case "subscribe",
                        "psubscribe",
                        "ssubscribe",
                        "unsubscribe",
                        "punsubscribe",
                        "sunsubscribe",
                        "publish",
                        "spublish",
                        "pubsub" -> pubsub.execute(client, argv);
                case "shutdown" -> shutdown(client, argv);
                case "auth" -> auth(client, argv);
                case "quit" -> {
                    client.quit = true;
                    yield Resp.simple("OK");
                }
                default -> throw new IllegalStateException(name);
            };
        } catch (KvBusyException e) {
            return Resp.error(e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            // a failed save or fork (no room for the child's enclave, a full disk) fails this command only; its
            // detail (paths, enclave messages) goes to the operator's log, the client gets an id to quote
            return KvServer.internalErrorReply(KvServer.logInternalError("running " + name, e));
        }
    }

    /**
     * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT], as Redis 7.0's shutdownCommand: saves first when save points
     * are configured (or SAVE), unless NOSAVE; a failed save keeps the server running and answers an error, unless
     * FORCE. On success there is no reply: the server closes every connection and its process exits. NOW (skip
     * waiting for replicas) changes nothing here, there are none; ABORT has no shutdown to abort, since this
     * server's shutdown never waits.
     */
    private byte[] shutdown(Client client, List<byte[]> argv) {
        boolean save = false;
        boolean noSave = false;
        boolean force = false;
        boolean abort = false;
        for (byte[] a : argv.subList(1, argv.size())) {
            switch (text(a).toLowerCase(Locale.ROOT)) {
                case "nosave" -> noSave = true;
                case "save" -> save = true;
                case "now" -> {
                    // no replicas to wait for
                }
                case "force" -> force = true;
                case "abort" -> abort = true;
                default -> {
                    return Resp.error("ERR syntax error");
                }
            }
        }
        if ((abort && (save || noSave || force || argv.size() > 2)) || (save && noSave)) {
            return Resp.error("ERR syntax error");
        }
        if (abort) {
            return Resp.error("ERR No shutdown in progress.");
        }
        if (counters.shutdown(new KvServer.Shutdown(save, noSave, force, "User requested shutdown..."))) {
            client.quit = true;
            return null; // no reply: the connection closes with the server
        }
        return Resp.error("ERR Errors trying to SHUTDOWN. Check logs.");
    }

    /** Whether {@code client} must AUTH before {@code lowerName} runs (server.c processCommand, authRequired). */
    boolean refusedUnauthenticated(Client client, String lowerName) {
        return !client.authenticated
                && config.requirepass() != null
                && !lowerName.equals("auth")
                && !lowerName.equals("quit")
                && !lowerName.equals("hello")
                && !lowerName.equals("reset");
    }

    // ------------------------------------------------------------------ the connection protocol's hooks

    /** Commands with subcommands, whose full name (CLIENT LIST cmd, MONITOR, errors) is name|sub. */
    private static final Set<String> CONTAINERS =
            Set.of("client", "config", "command", "pubsub", "slowlog", "latency", "object", "memory", "xinfo");

    /** Redis's cmd->fullname: the lower-case name, name|sub for a container command. */
    static String fullName(List<byte[]> argv) {
        String name = text(argv.get(0)).toLowerCase(Locale.ROOT);
        return argv.size() > 1 && CONTAINERS.contains(name)
                ? name + "|" + text(argv.get(1)).toLowerCase(Locale.ROOT)
                : name;
    }

    /** The arity of a command the server knows (its own or the engine's), null for an unknown command. */
    private Integer arity(String lowerName) {
        Integer a = ARITY.get(lowerName);
        if (a == null) {
            a = TRANSACTION_ARITY.get(lowerName);
        }
        if (a == null && db != null) {
            KvDatabase.Command c = db.commands().get(lowerName);
            a = c == null ? null : c.arity();
        }
        return a;
    }

    /** Whether processCommand gets past its lookup and arity checks with {@code argv}. */
    private boolean runnable(List<byte[]> argv) {
        Integer a = arity(text(argv.get(0)).toLowerCase(Locale.ROOT));
        return a != null && (a > 0 ? argv.size() == a : argv.size() >= -a);
    }

    /**
     * A client is about to run {@code argv}: CLIENT LIST's idle, cmd and argv-mem follow it (server.c
     * processCommand sets c->lastcmd before its checks; an unknown command leaves none).
     */
    void dispatching(Client c, List<byte[]> argv) {
        c.lastMillis = System.currentTimeMillis();
        c.lastCommand = arity(text(argv.get(0)).toLowerCase(Locale.ROOT)) == null ? "NULL" : fullName(argv);
        long bytes = 0;
        for (byte[] a : argv) {
            bytes += a.length;
        }
        c.argvBytes = bytes;
    }

    /**
     * The reply to {@code argv} when a RESP2 client in pub/sub context may not run it (server.c processCommand),
     * or PING's reply there (["pong", message]); null if the command runs as usual.
     */
    byte[] pubsubContext(Client c, List<byte[]> argv) {
        if (c.resp != 2 || !(c.subscribed() || pubsub.shardCount(c) > 0) || !runnable(argv)) {
            return null;
        }
        String name = text(argv.get(0)).toLowerCase(Locale.ROOT);
        switch (name) {
            case "subscribe",
                    "psubscribe",
                    "ssubscribe",
                    "unsubscribe",
                    "punsubscribe",
                    "sunsubscribe",
                    "quit",
                    "reset" -> {
                return null;
            }
            case "ping" -> { // server.c pingCommand in pub/sub context
                return Resp.array(List.of(
                        "pong".getBytes(StandardCharsets.US_ASCII), argv.size() > 1 ? argv.get(1) : new byte[0]));
            }
            default -> {
                return Resp.error("ERR Can't execute '" + fullName(argv) + "': only (P|S)SUBSCRIBE /"
                        + " (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            }
        }
    }

    /**
     * Whether {@code argv} must wait for a CLIENT PAUSE to end (server.c processCommand: all commands under ALL,
     * writes and PUBLISH under WRITE; QUIT never, as Redis 7.0 answers it before the pause check).
     */
    boolean paused(List<byte[]> argv) {
        if (clients.pauseEnd() == 0) {
            return false;
        }
        String name = text(argv.get(0)).toLowerCase(Locale.ROOT);
        if (name.equals("quit")) {
            return false;
        }
        boolean write = name.equals("publish") || name.equals("spublish");
        if (!write && db != null && !ARITY.containsKey(name)) {
            KvDatabase.Command c = db.commands().get(name);
            write = c != null && c.write();
        }
        return clients.paused(write);
    }

    /** When the current CLIENT PAUSE ends (epoch ms), 0 without one. */
    long pauseEnd() {
        return clients.pauseEnd();
    }

    /** {@code argv} ran for {@code micros}: fed to the monitors and the slow log, when Redis would (call()). */
    void executed(Client c, List<byte[]> argv, long micros) {
        if (!runnable(argv)) {
            return;
        }
        String full = fullName(argv);
        slowlog.record(c, text(argv.get(0)).toLowerCase(Locale.ROOT), argv, micros);
        monitor.feed(c, full, argv);
    }

    /** Counts {@code argv}'s reply for INFO commandstats and errorstats ({@link CommandStats}). */
    void account(List<byte[]> argv, byte[] reply, long usec) {
        String name = text(argv.get(0)).toLowerCase(Locale.ROOT);
        String full = arity(name) == null ? null : fullName(argv);
        commandStats.account(full, reply, usec, runnable(argv));
    }

    /** A client is gone: its subscriptions and MONITOR go with it. */
    void disconnected(Client c) {
        pubsub.forget(c);
        monitor.remove(c);
    }

    /**
     * AUTH [username] password, as Redis 7.0 with only its default user: requirepass is that user's password.
     * Compared in constant time.
     */
    private byte[] auth(Client client, List<byte[]> argv) {
        if (argv.size() > 3) {
            return Resp.error("ERR syntax error");
        }
        if (argv.size() == 2 && config.requirepass() == null) { // acl.c authCommand: only the one-argument form
            return Resp.error("ERR AUTH <password> called without any password configured for the default user."
                    + " Are you sure your configuration is correct?");
        }
        byte[] user = argv.size() == 2 ? "default".getBytes(StandardCharsets.US_ASCII) : argv.get(1);
        if (!clients.passwordOk(user, argv.get(argv.size() - 1))) {
            return Resp.error("WRONGPASS invalid username-password pair or user is disabled.");
        }
        client.authenticated = true;
        return Resp.simple("OK");
    }

    private byte[] bgsave(List<byte[]> argv) {
        if (argv.size() > 2 || (argv.size() == 2 && !text(argv.get(1)).equalsIgnoreCase("schedule"))) {
            return Resp.error("ERR syntax error");
        }
        db.bgsave();
        return Resp.simple("Background saving started");
    }

    /**
     * CONFIG GET pattern..., SET name value..., REWRITE, RESETSTAT, HELP, as Redis 7.0 (config.c): the values are
     * {@link KvConfig}'s, and a SET takes effect before it is answered ({@link #apply}).
     */
    private byte[] config(List<byte[]> argv) {
        String sub = text(argv.get(1)).toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        for (byte[] a : argv.subList(2, argv.size())) {
            args.add(new String(a, StandardCharsets.ISO_8859_1)); // KvConfig keeps values as raw bytes
        }
        try {
            switch (sub) {
                case "get" -> {
                    if (args.isEmpty()) {
                        return Resp.error("ERR wrong number of arguments for 'config|get' command");
                    }
                    return Resp.array(config.get(args).stream()
                            .map(v -> v.getBytes(StandardCharsets.ISO_8859_1))
                            .toList());
                }
                case "set" -> {
                    config.set(args, this::apply);
                    return Resp.simple("OK");
                }
                case "rewrite" -> {
                    if (!args.isEmpty()) {
                        return Resp.error("ERR wrong number of arguments for 'config|rewrite' command");
                    }
                    config.rewrite();
                    LOG.info("CONFIG REWRITE executed with success.");
                    return Resp.simple("OK");
                }
                case "resetstat" -> {
                    if (!args.isEmpty()) {
                        return Resp.error("ERR wrong number of arguments for 'config|resetstat' command");
                    }
                    counters.resetStats();
                    commandStats.reset();
                    if (db != null) {
                        KvDatabase.Stats now = db.stats();
                        expiredKeysAtReset = now.expiredKeys();
                        timeCapAtReset = now.expiry().timeCapReached();
                        cycleMicrosAtReset = now.expiry().cycleMicros();
                    }
                    return Resp.simple("OK");
                }
                case "help" -> {
                    return help(CONFIG_HELP);
                }
                default -> {
                    return Resp.error("ERR unknown subcommand '" + text(argv.get(1)) + "'. Try CONFIG HELP.");
                }
            }
        } catch (KvConfigException e) {
            return Resp.error(e.getMessage());
        }
    }

    /** networking.c addReplyHelp: the help's lines as status replies. */
    private static byte[] help(List<String> lines) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(("*" + lines.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String line : lines) {
            b.writeBytes(Resp.simple(line));
        }
        return b.toByteArray();
    }

    /** server.c commandHelpCommand. */
    private static final List<String> COMMAND_HELP = List.of(
            "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "(no subcommand)",
            "    Return details about all Redis commands.",
            "COUNT",
            "    Return the total number of commands in this Redis server.",
            "LIST",
            "    Return a list of all commands in this Redis server.",
            "INFO [<command-name> ...]",
            "    Return details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "DOCS [<command-name> ...]",
            "    Return documentation details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "GETKEYS <full-command>",
            "    Return the keys from a full Redis command.",
            "GETKEYSANDFLAGS <full-command>",
            "    Return the keys and the access flags from a full Redis command.",
            "HELP",
            "    Prints this help.");

    private static final List<String> CONFIG_HELP = List.of(
            "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "GET <pattern>",
            "    Return parameters matching the glob-like <pattern> and their values.",
            "SET <directive> <value>",
            "    Set the configuration <directive> to <value>.",
            "RESETSTAT",
            "    Reset statistics reported by the INFO command.",
            "REWRITE",
            "    Rewrite the configuration file.",
            "HELP",
            "    Prints this help.");

    /**
     * Puts a CONFIG SET into effect: the AOF starts or stops with {@code appendonly}, and follows {@code appendfsync};
     * the enclave's engine follows the encoding thresholds ({@link KvConfig#ENCODING_THRESHOLDS});
     * the rest (save points, hz, stop-writes-on-bgsave-error, the auto-aof settings, requirepass) are read where they
     * are used.
     * Refused, and the old values kept: a new port or bind (the server listens where it started), and a new dir
     * (the data directory holds the database's keys and images, it does not move under a running server).
     */
    private void apply(java.util.Set<String> changed) {
        // compared with the values at start, so that KvConfig's second call, which puts them back, passes
        for (String name : List.of("port", "bind", "dir", "dbfilename")) {
            if (changed.contains(name) && !config.get(List.of(name)).equals(atStart.get(name))) {
                throw KvConfigException.setFailed(
                        name,
                        name.equals("port") || name.equals("bind")
                                ? "this server listens where it started; set " + name + " in the config file and"
                                        + " restart"
                                : "the data directory holds the enclave's keys and images and does not move while"
                                        + " the database serves");
            }
        }
        if (changed.contains("appendfsync")) {
            db.appendfsync(config.appendfsync());
        }
        if (KvConfig.ENCODING_THRESHOLDS.stream().anyMatch(changed::contains)) {
            db.encodingThresholds(config.encodingThresholds());
        }
        if (changed.contains("appendonly")) {
            try {
                db.appendonly(config.appendonly());
            } catch (java.io.IOException e) {
                throw KvConfigException.setFailed("appendonly", io.teemate.host.FileErrors.describe(e));
            }
        }
    }

    /**
     * COMMAND, COMMAND COUNT, COMMAND INFO name..., COMMAND DOCS [name...], COMMAND GETKEYS command [arg...],
     * COMMAND LIST; Redis 6's six fields.
     * The engine's commands are the table the enclave declares ({@link KvDatabase#commands}), merged with the
     * server's own, which take no keys.
     */
    private byte[] command(List<byte[]> argv) {
        Map<String, KvDatabase.Command> table = new java.util.TreeMap<>(db.commands());
        ARITY.forEach((n, arity) -> table.put(n, new KvDatabase.Command(n, arity, 0, 0, 0, 0)));
        TRANSACTION_ARITY.forEach((n, arity) -> table.put(
                n,
                new KvDatabase.Command(
                        n,
                        arity,
                        n.equals("watch") ? 1 : 0,
                        n.equals("watch") ? -1 : 0,
                        n.equals("watch") ? 1 : 0,
                        0)));
        if (argv.size() == 1) {
            return entries(table, new ArrayList<>(table.keySet()));
        }
        String sub = text(argv.get(1)).toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "count" ->
                argv.size() != 2
                        ? Resp.error("ERR wrong number of arguments for 'command|count' command")
                        : Resp.integer(table.size());
            case "help" ->
                argv.size() != 2
                        ? Resp.error("ERR wrong number of arguments for 'command|help' command")
                        : help(COMMAND_HELP);
            case "list" ->
                Resp.array(table.keySet().stream()
                        .map(k -> k.getBytes(StandardCharsets.UTF_8))
                        .toList());
            case "docs" -> docs(table, argv);
            case "getkeys" -> {
                if (argv.size() < 4) { // command|getkeys: arity -4
                    yield Resp.error("ERR wrong number of arguments for 'command|getkeys' command");
                }
                CommandKeys.Result keys = CommandKeys.of(table, argv.subList(2, argv.size()));
                yield keys.error() != null ? Resp.error(keys.error()) : Resp.array(keys.keys());
            }
            case "info" -> {
                List<String> names = new ArrayList<>();
                for (int i = 2; i < argv.size(); i++) {
                    names.add(text(argv.get(i)).toLowerCase(Locale.ROOT));
                }
                yield entries(table, names);
            }
            default -> Resp.error("ERR unknown subcommand '" + text(argv.get(1)) + "'. Try COMMAND HELP.");
        };
    }

    /**
     * COMMAND DOCS [name ...]: name, doc per command this server has and Redis documents ({@link CommandDocs}), all of
     * them without names; an unknown name is left out, as Redis 7.0 does.
     */
    private static byte[] docs(Map<String, KvDatabase.Command> table, List<byte[]> argv) {
        List<String> names = new ArrayList<>();
        if (argv.size() == 2) {
            names.addAll(table.keySet());
        } else {
            for (int i = 2; i < argv.size(); i++) {
                names.add(text(argv.get(i)).toLowerCase(Locale.ROOT));
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int n = 0;
        for (String name : names) {
            byte[] doc = table.containsKey(name) ? CommandDocs.DOCS.get(name) : null;
            if (doc != null) {
                body.writeBytes(Resp.bulk(name));
                body.writeBytes(doc);
                n++;
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("*" + 2 * n + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Per name: name, arity, flags (none listed), first key, last key, step; a null array for an unknown name. */
    private static byte[] entries(Map<String, KvDatabase.Command> table, List<String> names) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(("*" + names.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String n : names) {
            KvDatabase.Command c = table.get(n);
            if (c == null) {
                b.writeBytes(Resp.nullArray());
                continue;
            }
            b.writeBytes("*6\r\n".getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(Resp.bulk(n));
            b.writeBytes(Resp.integer(c.arity()));
            b.writeBytes(Resp.array(List.of()));
            b.writeBytes(Resp.integer(c.firstKey()));
            b.writeBytes(Resp.integer(c.lastKey()));
            b.writeBytes(Resp.integer(c.step()));
        }
        return b.toByteArray();
    }

    private String info(List<byte[]> sections) {
        Set<String> want = new java.util.HashSet<>();
        for (byte[] s : sections) {
            want.add(text(s).toLowerCase(Locale.ROOT));
        }
        // server.c genRedisInfoString: no argument or "default" is the default sections, "all" and "everything"
        // every section (commandstats only there)
        boolean everything = want.contains("all") || want.contains("everything");
        boolean all = want.isEmpty() || want.contains("default") || everything;
        StringBuilder b = new StringBuilder();
        if (all || want.contains("server")) {
            section(b, "Server");
            field(b, "redis_version", REDIS_VERSION);
            field(b, "teemate_mode", db.mode().name().toLowerCase(Locale.ROOT));
            field(b, "process_id", ProcessHandle.current().pid());
            field(b, "tcp_port", counters.port());
            field(b, "uptime_in_seconds", (System.currentTimeMillis() - counters.startMillis()) / 1000);
        }
        if (all || want.contains("clients")) {
            section(b, "Clients");
            field(b, "connected_clients", counters.connectedClients());
            field(b, "blocked_clients", counters.blockedClients());
        }
        KvDatabase.Stats stats = null;
        if (all || want.contains("memory") || want.contains("keyspace") || want.contains("stats")) {
            stats = db.stats();
        }
        if (all || want.contains("memory")) {
            long used = stats.privatePages() * 4096 + stats.sharedPages() * 4096;
            long epc = db.enclavePages() * 4096;
            section(b, "Memory");
            field(b, "used_memory", used);
            field(b, "used_memory_human", human(used));
            field(b, "used_memory_dataset", stats.allocatedBytes());
            field(b, "maxmemory", config.maxmemory());
            field(b, "epc_used_bytes", epc);
            field(b, "epc_used_human", human(epc));
        }
        if (all || want.contains("persistence")) {
            section(b, "Persistence");
            field(b, "loading", 0);
            field(b, "rdb_changes_since_last_save", db.changesSinceLastSave());
            field(b, "rdb_bgsave_in_progress", db.bgsaveInProgress() ? 1 : 0);
            field(b, "rdb_last_save_time", db.lastSaveSeconds());
            field(b, "rdb_last_bgsave_status", db.lastBgsaveOk() ? "ok" : "err");
            field(b, "aof_enabled", db.aofEnabled() ? 1 : 0);
            field(b, "aof_rewrite_in_progress", db.aofRewriteInProgress() ? 1 : 0);
            field(b, "aof_rewrite_scheduled", db.aofRewriteScheduled() ? 1 : 0);
            field(b, "aof_last_bgrewrite_status", db.lastBgrewriteOk() ? "ok" : "err");
            field(b, "aof_last_write_status", db.aofLastWriteOk() ? "ok" : "err");
            if (db.aofEnabled()) { // as Redis: the sizes only while the AOF is on
                field(b, "aof_current_size", db.aofCurrentSize());
                field(b, "aof_base_size", db.aofBaseSize());
            }
        }
        if (all || want.contains("stats")) {
            KvDatabase.Fork f = db.lastFork();
            section(b, "Stats");
            field(b, "total_connections_received", counters.connectionsReceived());
            field(b, "total_commands_processed", counters.commandsProcessed());
            field(b, "expired_keys", stats.expiredKeys() - expiredKeysAtReset);
            field(
                    b,
                    "expired_stale_perc",
                    String.format(Locale.ROOT, "%.2f", stats.expiry().stalePerc() * 100));
            field(b, "expired_time_cap_reached_count", stats.expiry().timeCapReached() - timeCapAtReset);
            field(b, "expire_cycle_cpu_milliseconds", (stats.expiry().cycleMicros() - cycleMicrosAtReset) / 1000);
            // where Redis reports its fork: the parent's wait, wall; and the SGX leaves it ran, modeled
            field(b, "latest_fork_usec", f == null ? 0 : f.wallNanos() / 1000);
            field(b, "total_error_replies", commandStats.totalErrorReplies());
            field(b, "teemate_latest_fork_modeled_usec", f == null ? 0 : Math.round(f.modeledNanos() / 1000));
            // the part whose clock and costs priced the modeled figure (--platform)
            field(b, "teemate_platform", db.options().platform().id());
        }
        if (all || want.contains("cpu")) {
            section(b, "CPU");
            ProcessCpu.append(b, counters.loopThreadId());
        }
        if (everything || want.contains("commandstats")) {
            section(b, "Commandstats");
            commandStats.appendCommandstats(b);
        }
        if (all || want.contains("errorstats")) {
            section(b, "Errorstats");
            commandStats.appendErrorstats(b);
        }
        if (all || want.contains("keyspace")) {
            section(b, "Keyspace");
            // server.c genRedisInfoString: a line per database that holds keys; avg_ttl is the active expiry cycle's
            // running estimate from its samples (expire.c), 0 before a cycle sampled the database
            for (KvDatabase.DbStats d : stats.perDb()) {
                b.append("db")
                        .append(d.db())
                        .append(":keys=")
                        .append(d.keys())
                        .append(",expires=")
                        .append(d.expires())
                        .append(",avg_ttl=")
                        .append(d.avgTtl())
                        .append("\r\n");
            }
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String name) {
        if (!b.isEmpty()) {
            b.append("\r\n");
        }
        b.append("# ").append(name).append("\r\n");
    }

    private static void field(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        String[] units = {"K", "M", "G", "T"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
