package io.teemate.kv.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's RESP2 server on a localhost TCP port: Redis's own design, one event-loop thread over
 * non-blocking sockets. Network I/O and RESP framing are the host's; every dataset command goes into the enclave.
 * Each turn of the loop reads every ready client, then sends all complete commands of all of them to the enclave
 * in ONE batch (one ecall for many clients and pipelined commands, as Redis runs every ready client per event
 * loop turn), and writes the replies back in order. Server commands ({@link ServerCommands}) are answered on the
 * host between batches, so each client's replies keep its command order.
 */
public final class KvServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KvServer.class);
    private static final int READ_BUFFER = 64 << 10;

    /** Runs a batch of dataset commands and returns their replies in order: the database in the enclave. */
    interface Batches {
        List<byte[]> execute(List<List<byte[]>> batch);

        /** Command {@code i} in database {@code dbs[i]}; a stand-in without databases runs them all in its one. */
        default List<byte[]> execute(List<List<byte[]>> batch, int[] dbs) {
            return execute(batch);
        }
    }

    private final Batches db;
    private final KvDatabase database;
    private final KvConfig config;
    /** Save points, automatic AOF rewrites and MISCONF, {@code hz} times a second; null without a database. */
    private final ServerCron cron;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final Thread loop;
    private final ServerCommands server;
    private final List<Connection> connections = new ArrayList<>();
    /** The database of each command of the batch being built (its client's c->db when it was read). */
    private final List<Integer> batchDbs = new ArrayList<>();

    private final AtomicLong connectionsReceived = new AtomicLong();
    private final AtomicLong commandsProcessed = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private long nextClientId = 1;
    /** Clients blocked in BLPOP and friends ({@link BlockedClients}). */
    private final BlockedClients<Connection> blocked = new BlockedClients<>();
    /** Clients unblocked (served or timed out) whose replies and later commands wait for this turn's end. */
    private final List<Connection> woken = new ArrayList<>();
    /** Numbers the internal errors of every server in this process, as clients and the log see them. */
    private static final AtomicLong INTERNAL_ERRORS = new AtomicLong();

    private volatile boolean closed;
    /** A shutdown asked for from outside the loop (SIGINT, SIGTERM): the loop runs it between turns. */
    private volatile Shutdown requested;
    /** Completes once the server has shut down by SHUTDOWN or a signal, ready for its process to exit. */
    private final CompletableFuture<Void> exited = new CompletableFuture<>();

    /** One client: its socket, the RESP parser over what it sent, and the replies not yet written. */
    private final class Connection implements ClientState.Link {
        final SocketChannel channel;
        final SelectionKey key;
        final Resp parser = new Resp();
        final ServerCommands.Client client;
        final Deque<ByteBuffer> out = new ArrayDeque<>();
        final List<List<byte[]>> pending = new ArrayList<>();
        /** MULTI/EXEC and WATCH ({@link Transaction}). */
        final Transaction tx = new Transaction();
        /** Entries of this client in the batch being built (a host reply must not overtake them). */
        int inBatch;
        /** Redis's reply to bytes that are not RESP: sent after the replies to the commands before them. */
        byte[] protocolError;

        boolean closeAfterWrite;
        /** CLIENT KILL: nothing more is run for it or written to it. */
        boolean killed;

        final String addr;
        final String laddr;

        Connection(SocketChannel channel, SelectionKey key, long id) {
            this.channel = channel;
            this.key = key;
            this.client = new ServerCommands.Client(id);
            this.addr = address(channel, true);
            this.laddr = address(channel, false);
            client.link = this;
        }

        @Override
        public String addr() {
            return addr;
        }

        @Override
        public String laddr() {
            return laddr;
        }

        @Override
        public void push(byte[] bytes) {
            if (!killed) {
                out.add(ByteBuffer.wrap(bytes));
                pushed.add(this);
            }
        }

        @Override
        public void kill() {
            killed = true;
            out.clear();
            pending.clear();
            closeAfterWrite = true;
            pushed.add(this);
        }

        @Override
        public int queryBuffer() {
            return parser.buffered();
        }

        @Override
        public int outputCount() {
            return out.size();
        }

        @Override
        public long outputBytes() {
            long n = 0;
            for (ByteBuffer b : out) {
                n += b.remaining();
            }
            return n;
        }
    }

    /** ip:port of the peer (remote) or of this server's end of the connection. */
    private static String address(SocketChannel ch, boolean remote) {
        try {
            java.net.SocketAddress a = remote ? ch.getRemoteAddress() : ch.getLocalAddress();
            if (a instanceof InetSocketAddress i) {
                return i.getAddress().getHostAddress() + ":" + i.getPort();
            }
            return String.valueOf(a);
        } catch (IOException e) {
            return "?:0";
        }
    }

    /** Connections that were sent something other than replies to their own commands this turn (pub/sub...). */
    private final java.util.Set<Connection> pushed = new java.util.LinkedHashSet<>();

    private KvServer(KvDatabase db, KvConfig config, Batches batches) throws IOException {
        this.db = batches;
        this.database = db;
        this.config = config;
        this.cron = db == null ? null : new ServerCron(db, config, System::currentTimeMillis, this::clientsPaused);
        int port = config.port();
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress("127.0.0.1", port), 511);
        } catch (IOException e) {
            listener.close();
            selector.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.server = new ServerCommands(db, config, new ServerCommands.Server() {
            @Override
            public int connectedClients() {
                return connections.size();
            }

            @Override
            public long connectionsReceived() {
                return connectionsReceived.get();
            }

            @Override
            public long commandsProcessed() {
                return commandsProcessed.get();
            }

            @Override
            public int port() {
                return KvServer.this.port();
            }

            @Override
            public int blockedClients() {
                return blocked.size();
            }

            @Override
            public long startMillis() {
                return startMillis;
            }

            @Override
            public java.util.Collection<ServerCommands.Client> clients() {
                List<ServerCommands.Client> all = new ArrayList<>(connections.size());
                for (Connection c : connections) {
                    all.add(c.client);
                }
                return all;
            }

            @Override
            public long loopThreadId() {
                return loop.threadId();
            }

            @Override
            public void resetStats() {
                commandsProcessed.set(0);
                connectionsReceived.set(0);
            }

            @Override
            public boolean shutdown(Shutdown how) {
                return KvServer.this.shutdown(how);
            }
        });
        this.loop = new Thread(this::run, "teemate-kv-server");
    }

    /** Whether a CLIENT PAUSE (ALL or WRITE) holds now: the cron then expires nothing. */
    private boolean clientsPaused() {
        return server != null && server.clients.paused(true);
    }

    /**
     * How to shut down (Redis's SHUTDOWN flags): {@code save} saves even without save points, {@code noSave} never
     * saves, {@code force} exits even if the final save fails; {@code reason} is the log's first line of it.
     */
    public record Shutdown(boolean save, boolean noSave, boolean force, String reason) {}

    /** Listens on 127.0.0.1 at {@code config}'s port (0 for any free port) and serves {@code db} until closed. */
    public static KvServer start(KvDatabase db, KvConfig config) throws IOException {
        KvServer s = new KvServer(db, config, new Batches() {
            @Override
            public List<byte[]> execute(List<List<byte[]>> batch) {
                return db.execute(batch);
            }

            @Override
            public List<byte[]> execute(List<List<byte[]>> batch, int[] dbs) {
                return db.execute(batch, dbs);
            }
        });
        s.loop.start();
        return s;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 for any free port) and serves {@code db} until closed, with Redis's
     * defaults but no save points: what an embedding program (the serverless platform's database, a benchmark)
     * persists is its own call.
     */
    public static KvServer start(KvDatabase db, int port) throws IOException {
        return start(db, embedded(port));
    }

    /** As {@link #start(KvDatabase, int)}, with dataset commands run by {@code batches} (tests stand in for it). */
    static KvServer start(KvDatabase db, int port, Batches batches) throws IOException {
        KvServer s = new KvServer(db, embedded(port), batches);
        s.loop.start();
        return s;
    }

    private static KvConfig embedded(int port) throws IOException {
        return KvConfig.load(null, Map.of("port", List.of(Integer.toString(port)), "save", List.of("")));
    }

    public int port() {
        return listener.socket().getLocalPort();
    }

    /**
     * Asks the server to shut down as SIGINT and SIGTERM do in Redis (a SHUTDOWN without flags: save if save points
     * are configured): safe from any thread, e.g. a signal handler; the loop does it between two turns. If the final
     * save fails the server logs why and keeps serving, as Redis does.
     */
    public void requestShutdown(String reason) {
        requested = new Shutdown(false, false, false, reason);
        selector.wakeup();
    }

    /** Completes once the server shut down by SHUTDOWN or {@link #requestShutdown}: its process may exit. */
    public CompletableFuture<Void> exited() {
        return exited;
    }

    /**
     * Redis's prepareForShutdown on the loop thread: the database's final save (when {@code how} and the save
     * points say so), then the loop ends, every client is closed and {@link #exited} completes. False, and the
     * server goes on, if the save failed without FORCE.
     */
    private boolean shutdown(Shutdown how) {
        LOG.warn(how.reason());
        boolean save = how.save() || (!how.noSave() && saveOnShutdown());
        if (database != null && database.prepareForShutdown(save, how.force()) != null) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Whether a shutdown without flags saves: when save points are configured (Redis's default config has). */
    private boolean saveOnShutdown() {
        return !config.savePoints().isEmpty();
    }

    /**
     * The event loop. A failure while serving one client (a RuntimeException from reading, running or writing
     * its commands: a bug) closes that client and is logged; the loop goes on for the others. Only the selector
     * failing stops it.
     */
    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        byte[] bytes = new byte[READ_BUFFER];
        long nextCron = 0;
        try {
            while (!closed) {
                long now = System.currentTimeMillis();
                if (cron != null && now >= nextCron) {
                    try {
                        cron.run();
                    } catch (RuntimeException e) {
                        logInternalError("running the server's cron", e);
                    }
                    nextCron = now + 1000 / config.hz();
                }
                selector.select(selectTimeout(nextCron));
                Shutdown asked = requested;
                if (asked != null) {
                    requested = null;
                    if (shutdown(asked)) {
                        break;
                    }
                    LOG.warn(
                            "{} but errors trying to shut down the server, check the logs for more information",
                            asked.reason());
                }
                List<Connection> ready = postponed();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        accept();
                        continue;
                    }
                    Connection c = (Connection) k.attachment();
                    try {
                        if (k.isWritable()) {
                            flush(c);
                        }
                        if (k.isValid() && k.isReadable() && read(c, buffer, bytes) && !ready.contains(c)) {
                            ready.add(c);
                        }
                    } catch (RuntimeException e) {
                        fail(c, "reading from or writing to a client", e);
                    }
                }
                expireBlocked(ready);
                if (!ready.isEmpty()) {
                    try {
                        process(ready);
                        processWoken(ready);
                    } catch (RuntimeException e) {
                        // process answers each client's failures itself; this is a bug in between: the clients of
                        // this turn cannot be told which replies are theirs, so they are closed
                        long id = logInternalError("running the commands of " + ready.size() + " clients", e);
                        for (Connection c : ready) {
                            c.out.clear();
                            drop(c);
                        }
                        LOG.error("closed {} clients after internal error (id {})", ready.size(), id);
                        continue;
                    }
                    for (Connection c : ready) {
                        try {
                            flush(c);
                        } catch (RuntimeException e) {
                            fail(c, "writing to a client", e);
                        }
                    }
                }
                flushPushed();
            }
        } catch (ClosedSelectorException e) {
            // closed
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.error("the server loop stopped: {}", e.toString(), e);
            }
        }
        // however the loop ended (SHUTDOWN, a signal, close, or the selector failing), the server is done: a
        // process waiting on exited() must not wait for a loop that is gone
        if (!exited.isDone()) {
            for (Connection c : new ArrayList<>(connections)) {
                drop(c);
            }
            try {
                listener.close();
                selector.close(); // deregisters the listener, so its socket really closes now
            } catch (IOException ignored) {
                // going down anyway
            }
            exited.complete(null);
        }
    }

    /**
     * The clients whose commands wait for a CLIENT PAUSE to end, with the pause now over or narrowed: they run this
     * turn (server.c unblockPostponedClients).
     */
    private List<Connection> postponed() {
        List<Connection> waiting = new ArrayList<>();
        for (Connection c : connections) {
            if (!c.pending.isEmpty() && !c.killed && c.protocolError == null && !server.paused(c.pending.get(0))) {
                waiting.add(c);
            }
        }
        return waiting;
    }

    /** Writes what pub/sub, MONITOR and CLIENT KILL queued on other clients this turn. */
    private void flushPushed() {
        if (pushed.isEmpty()) {
            return;
        }
        List<Connection> all = new ArrayList<>(pushed);
        pushed.clear();
        for (Connection c : all) {
            if (!connections.contains(c)) {
                continue;
            }
            try {
                flush(c);
            } catch (RuntimeException e) {
                fail(c, "writing to a client", e);
            }
        }
    }

    /**
     * Queues {@code reply}, the RESP2 (or {@link ReplyShapes#NATIVE}) reply to {@code c}'s command {@code argv},
     * in the client's protocol (RESP3 after HELLO 3) unless CLIENT REPLY drops it.
     */
    /** The command a transaction's answers are shaped as (RESP3: only their nulls change). */
    private static final List<byte[]> EXEC = List.of("exec".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    /** The command a blocked client's timeout answers for (RESP3: the null array becomes a null). */
    private static final List<byte[]> BLOCKED_TIMEOUT =
            List.of("blpop".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private static void send(Connection c, List<byte[]> argv, byte[] reply) {
        byte[] bytes = c.client.deliver(argv, reply);
        if (bytes != null && !c.killed) {
            c.out.add(ByteBuffer.wrap(bytes));
        }
    }

    /** Closes client {@code c} after an internal error while {@code what}, logged with an id. */
    private void fail(Connection c, String what, RuntimeException e) {
        long id = logInternalError(what + " (client " + c.client.id + ")", e);
        LOG.error("closed client {} after internal error (id {})", c.client.id, id);
        drop(c);
    }

    /**
     * Writes an internal error's detail (what was going on, the exception) to the server's standard error under a
     * new id, and returns the id: clients are told only "internal error (id N)", never the detail.
     */
    static long logInternalError(String what, Throwable e) {
        long id = INTERNAL_ERRORS.incrementAndGet();
        LOG.error("internal error (id {}) {}: {}", id, what, e.toString());
        return id;
    }

    /** The reply to a client whose command met internal error {@code id}. */
    static byte[] internalErrorReply(long id) {
        return Resp.error("ERR internal error (id " + id + ")");
    }

    /** Takes a new client; a client that cannot be taken (no file descriptors left, say) is refused, not fatal. */
    private void accept() {
        SocketChannel ch;
        try {
            ch = listener.accept();
        } catch (IOException e) {
            LOG.warn("could not accept a client: {}", e.getMessage());
            return;
        }
        if (ch == null) {
            return;
        }
        SelectionKey key;
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = ch.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // refusing it anyway
            }
            return;
        }
        Connection c = new Connection(ch, key, nextClientId++);
        c.client.authenticated = config.requirepass() == null;
        key.attach(c);
        connections.add(c);
        connectionsReceived.incrementAndGet();
    }

    /** Reads what the client sent and parses whole commands; true if it has any. */
    private boolean read(Connection c, ByteBuffer buffer, byte[] bytes) {
        try {
            while (true) {
                buffer.clear();
                int n = c.channel.read(buffer);
                if (n < 0) {
                    drop(c);
                    return false;
                }
                if (n == 0) {
                    break;
                }
                buffer.flip();
                buffer.get(bytes, 0, n);
                c.parser.feed(bytes, 0, n);
                if (n < buffer.capacity()) {
                    break;
                }
            }
            List<byte[]> argv;
            while ((argv = c.parser.next()) != null) {
                if (!argv.isEmpty()) {
                    c.pending.add(argv);
                }
            }
        } catch (RespProtocolException e) {
            c.protocolError = e.reply();
            c.pending.add(List.of()); // a marker: the error's reply goes after the replies before it
            c.key.interestOps(0);
        } catch (IOException e) {
            drop(c);
            return false;
        }
        return !c.pending.isEmpty();
    }

    /**
     * Runs the pending commands of the ready clients: dataset commands in one batch into the enclave, a server
     * command after the batch before it, each client's replies in its order.
     */
    private void process(List<Connection> ready) {
        batchDbs.clear(); // a turn that failed half-way left nothing behind for this one
        List<List<byte[]>> batch = new ArrayList<>();
        List<Connection> owners = new ArrayList<>();
        for (Connection c : ready) {
            int done = 0;
            for (List<byte[]> argv : c.pending) {
                if (blocked.isBlocked(c)) {
                    break; // a blocked client's later commands wait (blocked.c)
                }
                if (c.killed) {
                    break;
                }
                if (argv.isEmpty()) { // the protocol error marker: nothing after it is read
                    runBatch(batch, owners);
                    c.out.add(ByteBuffer.wrap(c.protocolError));
                    c.closeAfterWrite = true;
                    done = c.pending.size();
                    break;
                }
                if (server.paused(argv)) { // CLIENT PAUSE: this and the client's next commands wait
                    break;
                }
                done++;
                commandsProcessed.incrementAndGet();
                String name = ServerCommands.text(argv.get(0)).toLowerCase(Locale.ROOT);
                server.dispatching(c.client, argv);
                if (server.refusedUnauthenticated(c.client, name)) {
                    runBatch(batch, owners);
                    byte[] noauth = Resp.error("NOAUTH Authentication required.");
                    send(c, argv, noauth);
                    server.account(argv, noauth, 0);
                    continue;
                }
                byte[] refused = server.pubsubContext(c.client, argv);
                if (refused != null) {
                    runBatch(batch, owners);
                    send(c, argv, refused);
                    server.account(argv, refused, 0);
                    if (refused[0] != '-') {
                        server.executed(c.client, argv, 0); // PING in pub/sub context ran
                    }
                    continue;
                }
                if (c.tx.handle(c.client.id, name, argv, transactionLoop(c, argv, batch, owners))) {
                    continue;
                }
                if (ServerCommands.handles(name)) {
                    runBatch(batch, owners);
                    byte[] reply;
                    long start = System.nanoTime();
                    try {
                        reply = server.execute(c.client, argv);
                    } catch (RuntimeException e) {
                        reply = internalErrorReply(logInternalError("running server command " + name, e));
                    }
                    if (closed) {
                        return; // SHUTDOWN: nothing after it runs, and every client is closed unanswered
                    }
                    send(c, argv, reply);
                    long micros = (System.nanoTime() - start) / 1000;
                    server.executed(c.client, argv, micros);
                    server.account(argv, reply, micros);
                    if (c.client.quit) {
                        c.closeAfterWrite = true;
                        done = c.pending.size();
                        break;
                    }
                } else {
                    enqueue(batch, owners, c, argv);
                    c.inBatch++;
                    if (BlockedClients.MAY_BLOCK.contains(name) || blocked.namesBlockedKey(argv)) {
                        runBatch(batch, owners); // it may block its client, or wake others: nothing after it yet
                    }
                }
            }
            c.pending.subList(0, Math.min(done, c.pending.size())).clear();
        }
        runBatch(batch, owners);
    }

    /**
     * Adds client {@code c}'s dataset command {@code argv} to the batch, in the client's database; a SELECT the
     * enclave will answer OK moves the client's next commands to its database at once (they may be in this batch).
     */
    private void enqueue(List<List<byte[]>> batch, List<Connection> owners, Connection c, List<byte[]> argv) {
        batch.add(argv);
        owners.add(c);
        batchDbs.add(c.client.db);
        if (argv.size() == 2 && ServerCommands.text(argv.get(0)).equalsIgnoreCase("select")) {
            int next = selectedBy(argv, databases());
            if (next >= 0) {
                c.client.db = next;
            }
        }
    }

    /** Redis's {@code databases}: the database's, or the configured one for a stand-in. */
    private int databases() {
        return database != null ? database.options().databases() : config.databases();
    }

    /**
     * The database a {@code SELECT index} switches its client to, or -1 if it answers an error (db.c selectCommand:
     * an index that object.c getIntFromObjectOrReply parses, i.e. Redis's string2ll digits without sign, leading
     * zero or space, and below {@code databases}). The enclave runs the SELECT and answers it by the same rule.
     */
    static int selectedBy(List<byte[]> argv, int databases) {
        if (argv.size() != 2) {
            return -1;
        }
        byte[] a = argv.get(1);
        if (a.length == 0 || a.length > 10 || (a[0] == '0' && a.length > 1)) {
            return -1;
        }
        long v = 0;
        for (byte b : a) {
            if (b < '0' || b > '9') {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v < databases ? (int) v : -1;
    }

    private void runBatch(List<List<byte[]>> batch, List<Connection> owners) {
        if (batch.isEmpty()) {
            return;
        }
        int[] dbs = new int[batch.size()];
        for (int i = 0; i < dbs.length; i++) {
            dbs[i] = batchDbs.get(i);
        }
        batchDbs.clear();
        List<byte[]> replies;
        long start = System.nanoTime();
        try {
            if (cron != null) {
                cron.updateDenyWrites(); // as Redis's processCommand checks the last BGSAVE before every write
            }
            replies = db.execute(batch, dbs);
            if (replies == null || replies.size() != batch.size()) {
                throw new IllegalStateException(
                        "the database answered " + (replies == null ? "null" : replies.size() + " replies") + " to "
                                + batch.size() + " commands");
            }
        } catch (RuntimeException e) {
            // the enclave's text (exception classes, E_CRASHED messages) is for the operator, not for clients
            byte[] err = internalErrorReply(logInternalError("running a batch of " + batch.size() + " commands", e));
            replies = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                replies.add(err);
            }
        }
        List<List<byte[]>> ran = new ArrayList<>(batch);
        long micros = (System.nanoTime() - start) / 1000; // each command is charged its batch's time (SlowLog)
        long share = micros / replies.size(); // and its share of it in commandstats
        for (int i = 0; i < replies.size(); i++) {
            Connection c = owners.get(i);
            c.inBatch = 0;
            if (BlockedClients.isMarker(replies.get(i))) {
                blocked.park(c, batch.get(i), replies.get(i), System.currentTimeMillis());
                // commandstats count it once it is served or times out (blocked.c updateStatsOnUnblock)
            } else {
                send(c, batch.get(i), replies.get(i));
                server.executed(c.client, batch.get(i), micros);
                accountEntry(batch.get(i), replies.get(i), share, true);
            }
        }
        batch.clear();
        owners.clear();
        if (!blocked.isEmpty()) {
            for (List<byte[]> argv : ran) {
                serveBlocked(argv);
            }
        }
    }

    /** Writes queued replies; waits for OP_WRITE if the socket is full, closes after QUIT or a protocol error. */
    private void flush(Connection c) {
        try {
            while (!c.out.isEmpty()) {
                ByteBuffer b = c.out.peek();
                c.channel.write(b);
                if (b.hasRemaining()) {
                    c.key.interestOps(SelectionKey.OP_WRITE);
                    return;
                }
                c.out.poll();
            }
            if (c.closeAfterWrite) {
                drop(c);
            } else if (c.key.isValid()) {
                c.key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            drop(c);
        }
    }

    private void drop(Connection c) {
        connections.remove(c);
        forgetBlockingState(c);
        server.disconnected(c.client);
        c.key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // ------------------------------------------------------------------ transactions and blocked clients

    /**
     * Counts a dataset entry's reply for INFO commandstats: a client's command as it is; the transaction entries
     * ({@link Transaction}) as the commands they stand for: {@code \0exec} as each command inside it, with its
     * element of the reply (and as EXEC itself when {@code withExec}: the EXEC that went into the batch whole),
     * {@code \0watch} as WATCH, {@code \0unwatch} as UNWATCH when a client's UNWATCH sent it.
     */
    private void accountEntry(List<byte[]> entry, byte[] reply, long usec, boolean withExec) {
        String name = ServerCommands.text(entry.get(0));
        switch (name) {
            case "\0exec" -> {
                if (withExec) {
                    server.account(EXEC, reply, usec);
                }
                List<List<byte[]>> inner = Transaction.commands(entry);
                List<byte[]> elements = Transaction.elements(reply);
                if (inner != null && elements != null && elements.size() == inner.size()) {
                    for (int i = 0; i < inner.size(); i++) {
                        server.account(inner.get(i), elements.get(i), 0);
                    }
                }
            }
            case "\0watch" -> server.account(WATCH, reply, usec);
            case "\0unwatch" -> {
                if (withExec) {
                    server.account(UNWATCH, reply, usec);
                }
            }
            default -> server.account(entry, reply, usec);
        }
    }

    private static final List<byte[]> WATCH = List.of("watch".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final List<byte[]> UNWATCH = List.of("unwatch".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** What client {@code c}'s transaction does through this loop for its command {@code argv} ({@link Transaction.Loop}). */
    private Transaction.Loop transactionLoop(
            Connection c, List<byte[]> argv, List<List<byte[]>> batch, List<Connection> owners) {
        return new Transaction.Loop() {
            @Override
            public void answer(byte[] reply) {
                if (c.inBatch > 0) {
                    runBatch(batch, owners);
                }
                send(c, EXEC, reply); // RESP3: its nulls; the shapes inside EXEC's array stay RESP2 (docs/kv.md)
                if (!(reply.length == 9 && reply[0] == '+' && reply[1] == 'Q')) { // +QUEUED: not a call yet
                    server.account(argv, reply, 0);
                }
            }

            @Override
            public void dataset(List<byte[]> entry) {
                enqueue(batch, owners, c, entry);
                c.inBatch++;
                if (blocked.namesBlockedKey(entry)) {
                    runBatch(batch, owners);
                }
            }

            @Override
            public byte[] runNow(List<byte[]> entry) {
                runBatch(batch, owners);
                byte[] reply = runAlone(c, entry);
                accountEntry(entry, reply, 0, false);
                if (blocked.namesBlockedKey(entry)) {
                    serveBlocked(entry);
                }
                return reply;
            }

            @Override
            public byte[] server(List<byte[]> argv) {
                runBatch(batch, owners);
                byte[] reply;
                long start = System.nanoTime();
                try {
                    reply = server.execute(c.client, argv);
                } catch (RuntimeException e) {
                    reply = internalErrorReply(logInternalError("running a server command in EXEC", e));
                }
                server.account(argv, reply, (System.nanoTime() - start) / 1000);
                return reply;
            }

            @Override
            public Integer arity(String name) {
                if (name.equals("unwatch")) {
                    return 1; // queued, and answered inside EXEC
                }
                if (ServerCommands.ARITY.containsKey(name)) {
                    return ServerCommands.ARITY.get(name);
                }
                if (database == null) {
                    return -1; // a stand-in database: let the engine judge
                }
                KvDatabase.Command cmd = database.commands().get(name);
                return cmd == null ? null : cmd.arity();
            }

            @Override
            public boolean isServer(String name) {
                return ServerCommands.handles(name);
            }
        };
    }

    /** One entry of client {@code c} run in a batch of its own, in its database; its reply (an internal error's if the database failed). */
    private byte[] runAlone(Connection c, List<byte[]> entry) {
        try {
            List<byte[]> replies = db.execute(List.of(entry), new int[] {c.client.db});
            if (replies == null || replies.size() != 1) {
                throw new IllegalStateException("the database answered no reply to one command");
            }
            return replies.get(0);
        } catch (RuntimeException e) {
            return internalErrorReply(logInternalError("running one command", e));
        }
    }

    /**
     * Serves the clients blocked on the keys {@code argv} named (blocked.c handleClientsBlockedOnKeys): key by key,
     * each waiter's command runs again, alone, in the order they blocked, popping from that key only; what it
     * writes may wake more (BLMOVE's destination).
     */
    private void serveBlocked(List<byte[]> argv) {
        ArrayDeque<List<byte[]>> ready = new ArrayDeque<>();
        ready.add(argv);
        while (!ready.isEmpty()) {
            for (BlockedClients.Ready<Connection> r : blocked.waitersFor(ready.poll())) {
                BlockedClients.Wait<Connection> w = r.waiter();
                if (!blocked.isBlocked(w.client)) {
                    continue;
                }
                byte[] reply = runAlone(w.client, Transaction.woken(w.client.client.id, r.key(), w.argv));
                if (BlockedClients.isMarker(reply)) {
                    continue; // still nothing: it keeps its place
                }
                blocked.remove(w.client);
                send(w.client, w.argv, reply);
                server.account(w.argv, reply, 0);
                woken.add(w.client);
                ready.add(w.argv);
            }
        }
    }

    /**
     * How long the loop may sleep: until the next cron run, the next blocked client's deadline or the end of a
     * CLIENT PAUSE (0: until something happens).
     */
    private long selectTimeout(long nextCron) {
        long now = System.currentTimeMillis();
        long until = cron == null ? Long.MAX_VALUE : nextCron;
        if (!blocked.isEmpty()) {
            until = Math.min(until, blocked.nextDeadline());
        }
        long pauseEnd = server.pauseEnd();
        if (pauseEnd > 0) {
            until = Math.min(until, pauseEnd);
        }
        return until == Long.MAX_VALUE ? 0 : Math.max(1, until - now);
    }

    /** Answers *-1 to the blocked clients whose deadline passed; their later commands run this turn. */
    private void expireBlocked(List<Connection> ready) {
        if (blocked.isEmpty()) {
            return;
        }
        for (BlockedClients.Wait<Connection> w : blocked.expireWaits(System.currentTimeMillis())) {
            Connection c = w.client;
            send(c, BLOCKED_TIMEOUT, Resp.nullArray());
            server.account(w.argv, Resp.nullArray(), 0);
            if (!ready.contains(c)) {
                ready.add(c);
            }
        }
    }

    /** Runs the later commands of the clients served this turn, and writes their replies. */
    private void processWoken(List<Connection> ready) {
        while (!woken.isEmpty()) {
            List<Connection> again = new ArrayList<>(woken);
            woken.clear();
            for (Connection c : again) {
                if (!ready.contains(c)) {
                    ready.add(c); // the loop writes the replies of every client in ready
                }
            }
            process(again);
        }
    }

    /** A client that goes away is no longer blocked, and the enclave forgets its watches. */
    private void forgetBlockingState(Connection c) {
        blocked.remove(c);
        if (c.tx.watching && !closed) {
            c.tx.watching = false;
            runAlone(c, Transaction.unwatch(c.client.id));
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : new ArrayList<>(connections)) {
            drop(c);
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
