package io.teemate.kv.enclave;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Executes one Redis command against a {@link Keyspace} and returns its RESP2 reply, with Redis 7's semantics and
 * error strings (the replies of src/server.c, t_string.c, t_list.c, t_hash.c, t_set.c, db.c, expire.c).
 * <p>Databases: only database 0 exists. {@code SELECT 0} answers OK and any other index
 * {@code -ERR DB index is out of range} (what Redis answers past its {@code databases} setting); FLUSHALL equals
 * FLUSHDB. One database keeps the whole dataset in one copy-on-write space, so one fork snapshots everything.
 * <p>Server commands (INFO, SAVE, BGSAVE, CONFIG, CLIENT, COMMAND, QUIT) are the server's and are not here: they
 * answer as unknown commands.
 * <p>If the keyspace runs out of room the command answers Redis's OOM error; a multi-key write (MSET, HSET with
 * several fields, RPUSH of several elements) may then have applied its first part.
 */
public final class CommandEngine {
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    static final String SYNTAX = "ERR syntax error";
    static final String OVERFLOW = "ERR increment or decrement would overflow";
    static final String NO_SUCH_KEY = "ERR no such key";
    static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    /** Redis's proto-max-bulk-len default: the largest string value (512 MiB). */
    static final long MAX_STRING = 512L * 1024 * 1024;

    /** Redis arity: n means exactly n arguments including the name, -n means at least n. */
    private static final Map<String, Integer> ARITY = new HashMap<>();

    static {
        Object[][] t = {
                {"get", 2}, {"set", -3}, {"mget", -2}, {"mset", -3}, {"setnx", 3}, {"getset", 3}, {"getdel", 2},
                {"incr", 2}, {"incrby", 3}, {"decr", 2}, {"decrby", 3}, {"incrbyfloat", 3}, {"append", 3},
                {"strlen", 2}, {"getrange", 4}, {"setrange", 4},
                {"del", -2}, {"unlink", -2}, {"exists", -2}, {"expire", -3}, {"pexpire", -3}, {"expireat", -3},
                {"pexpireat", -3}, {"ttl", 2}, {"pttl", 2}, {"persist", 2}, {"type", 2}, {"keys", 2}, {"scan", -2},
                {"rename", 3}, {"renamenx", 3}, {"randomkey", 1}, {"dbsize", 1}, {"flushdb", -1}, {"flushall", -1},
                {"select", 2},
                {"hset", -4}, {"hmset", -4}, {"hget", 3}, {"hmget", -3}, {"hdel", -3}, {"hlen", 2}, {"hexists", 3},
                {"hgetall", 2}, {"hkeys", 2}, {"hvals", 2}, {"hincrby", 4}, {"hsetnx", 4},
                {"lpush", -3}, {"rpush", -3}, {"lpop", -2}, {"rpop", -2}, {"llen", 2}, {"lrange", 4}, {"lindex", 3},
                {"lset", 4}, {"lrem", 4}, {"ltrim", 4},
                {"sadd", -3}, {"srem", -3}, {"smembers", 2}, {"sismember", 3}, {"scard", 2},
                {"ping", -1}, {"echo", 2},
        };
        for (Object[] row : t) {
            ARITY.put((String) row[0], (Integer) row[1]);
        }
    }

    /** How many internal errors the engine keeps for the operator until {@link #takeInternalErrors} (the newest). */
    static final int MAX_INTERNAL_ERRORS_KEPT = 64;

    /**
     * A command that failed inside the engine (a bug, a corrupt keyspace): its client was answered
     * {@code -ERR internal error (id N)} and nothing more; {@code detail} (exception class and message) is for the
     * server's operator only, under the same id.
     */
    public record InternalError(long id, String detail) {
    }

    private final Keyspace ks;
    private final SplittableRandom random;
    private final java.util.ArrayDeque<InternalError> internalErrors = new java.util.ArrayDeque<>();
    private long nextInternalErrorId = 1;

    public CommandEngine(Keyspace keyspace, long randomSeed) {
        this.ks = Objects.requireNonNull(keyspace, "keyspace");
        this.random = new SplittableRandom(randomSeed);
    }

    /** Every command this engine implements (lower case) with its Redis arity. */
    public static Map<String, Integer> commandTable() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ARITY));
    }

    /** True if this engine implements {@code name} (case-insensitive). */
    public static boolean knows(String name) {
        return ARITY.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Runs {@code argv} (name first) and returns the RESP2 reply; an empty argv gets no reply (empty array).
     * Never throws for anything a client sends: a command that fails inside the engine (a RuntimeException or a
     * StackOverflowError, i.e. a bug) answers {@code -ERR internal error (id N)} to its client only, the detail
     * is kept for {@link #takeInternalErrors}, and the database goes on with the next command.
     */
    public byte[] execute(List<byte[]> argv) {
        try {
            return run(argv);
        } catch (RuntimeException | StackOverflowError e) {
            long id = nextInternalErrorId++;
            if (internalErrors.size() == MAX_INTERNAL_ERRORS_KEPT) {
                internalErrors.removeFirst();
            }
            internalErrors.addLast(new InternalError(id, commandName(argv) + ": " + e));
            try {
                if (argv.size() > 1) {
                    dropIfEmpty(argv.get(1)); // a collection created for this command may have received nothing
                }
            } catch (RuntimeException | StackOverflowError ignored) {
                // the reply is an error anyway; the first failure is the one recorded
            }
            return new Reply().error("ERR internal error (id " + id + ")").bytes();
        }
    }

    /**
     * The internal errors since the last call, oldest first (at most {@link #MAX_INTERNAL_ERRORS_KEPT}, the
     * newest), for the host to log with their ids; clears them.
     */
    public List<InternalError> takeInternalErrors() {
        List<InternalError> out = List.copyOf(internalErrors);
        internalErrors.clear();
        return out;
    }

    /** The command's name for the operator's log: at most 32 characters, no control bytes; never its arguments. */
    private static String commandName(List<byte[]> argv) {
        if (argv.isEmpty()) {
            return "(empty command)";
        }
        String n = str(argv.get(0));
        n = n.substring(0, Math.min(n.length(), 32));
        return n.replaceAll("[^\\x21-\\x7e]", "?");
    }

    private byte[] run(List<byte[]> argv) {
        if (argv.isEmpty()) {
            return new byte[0];
        }
        Reply r = new Reply();
        String name = str(argv.get(0)).toLowerCase(Locale.ROOT);
        Integer arity = ARITY.get(name);
        if (arity == null) {
            return r.error(unknownCommand(argv)).bytes();
        }
        if ((arity > 0 && argv.size() != arity) || (arity < 0 && argv.size() < -arity)) {
            return r.error("ERR wrong number of arguments for '" + name + "' command").bytes();
        }
        try {
            dispatch(name, argv, r);
        } catch (ReplyError e) {
            return new Reply().error(e.getMessage()).bytes();
        } catch (KeyspaceFullException | io.teemate.enclave.memory.EnclaveOutOfMemoryException e) {
            // the space's room or the enclave heap's pages ran out: Redis's OOM reply, the database goes on
            if (argv.size() > 1) {
                dropIfEmpty(argv.get(1)); // a collection created for this command may have received nothing
            }
            return new Reply().error(OOM).bytes();
        }
        return r.bytes();
    }

    /** Redis's reply to an unknown command (server.c processCommand): the name, then args while under 128 chars. */
    private static String unknownCommand(List<byte[]> argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.size() && args.length() < 128; i++) {
            String a = str(argv.get(i));
            int room = 128 - args.length();
            args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String n = str(argv.get(0));
        return "ERR unknown command '" + n.substring(0, Math.min(n.length(), 128)) + "', with args beginning with: " + args;
    }

    private void dispatch(String name, List<byte[]> a, Reply r) {
        switch (name) {
            // strings
            case "get" -> r.bulk(getString(a.get(1)));
            case "set" -> set(a, r);
            case "mget" -> {
                r.array(a.size() - 1);
                for (int i = 1; i < a.size(); i++) {
                    long e = ks.find(a.get(i));
                    r.bulk(e != 0 && ks.type(e) == Keyspace.TYPE_STRING ? ks.readBlob(ks.valueRef(e)) : null);
                }
            }
            case "mset" -> {
                if (a.size() % 2 != 1) {
                    throw new ReplyError("ERR wrong number of arguments for 'mset' command");
                }
                for (int i = 1; i < a.size(); i += 2) {
                    putString(a.get(i), a.get(i + 1), 0, false);
                }
                r.simple("OK");
            }
            case "setnx" -> {
                if (ks.find(a.get(1)) != 0) {
                    r.integer(0);
                } else {
                    putString(a.get(1), a.get(2), 0, false);
                    r.integer(1);
                }
            }
            case "getset" -> {
                byte[] old = getString(a.get(1));
                putString(a.get(1), a.get(2), 0, false);
                r.bulk(old);
            }
            case "getdel" -> {
                byte[] old = getString(a.get(1));
                if (old != null) {
                    ks.delete(a.get(1));
                }
                r.bulk(old);
            }
            case "incr" -> r.integer(incrBy(a.get(1), 1));
            case "decr" -> r.integer(incrBy(a.get(1), -1));
            case "incrby" -> r.integer(incrBy(a.get(1), parseLong(a.get(2))));
            case "decrby" -> {
                long d = parseLong(a.get(2));
                if (d == Long.MIN_VALUE) {
                    throw new ReplyError("ERR decrement would overflow");
                }
                r.integer(incrBy(a.get(1), -d));
            }
            case "incrbyfloat" -> r.bulk(incrByFloat(a.get(1), a.get(2)));
            case "append" -> {
                long e = stringEntry(a.get(1));
                long oldLen = e == 0 ? 0 : ks.blobLength(ks.valueRef(e));
                checkStringLength(oldLen, a.get(2).length);
                checkRoom(oldLen + a.get(2).length);
                byte[] old = e == 0 ? null : ks.readBlob(ks.valueRef(e));
                byte[] v = old == null ? a.get(2) : concat(old, a.get(2));
                putString(a.get(1), v, 0, old != null);
                r.integer(v.length);
            }
            case "strlen" -> {
                long e = stringEntry(a.get(1));
                r.integer(e == 0 ? 0 : ks.blobLength(ks.valueRef(e)));
            }
            case "getrange" -> getrange(a, r);
            case "setrange" -> setrange(a, r);
            // keys
            case "del", "unlink" -> {
                int n = 0;
                for (int i = 1; i < a.size(); i++) {
                    if (ks.find(a.get(i)) != 0 && ks.delete(a.get(i))) {
                        n++;
                    }
                }
                r.integer(n);
            }
            case "exists" -> {
                int n = 0;
                for (int i = 1; i < a.size(); i++) {
                    if (ks.find(a.get(i)) != 0) {
                        n++;
                    }
                }
                r.integer(n);
            }
            case "expire" -> expire(a, r, ks.now(), true, "expire");
            case "pexpire" -> expire(a, r, ks.now(), false, "pexpire");
            case "expireat" -> expire(a, r, 0, true, "expireat");
            case "pexpireat" -> expire(a, r, 0, false, "pexpireat");
            case "ttl", "pttl" -> {
                long e = ks.find(a.get(1));
                if (e == 0) {
                    r.integer(-2);
                } else if (ks.expireAt(e) == 0) {
                    r.integer(-1);
                } else {
                    long ttl = Math.max(0, ks.expireAt(e) - ks.now());
                    r.integer(name.equals("ttl") ? (ttl + 500) / 1000 : ttl);
                }
            }
            case "persist" -> {
                long e = ks.find(a.get(1));
                if (e != 0 && ks.expireAt(e) != 0) {
                    ks.setExpireAt(e, 0);
                    r.integer(1);
                } else {
                    r.integer(0);
                }
            }
            case "type" -> {
                long e = ks.find(a.get(1));
                r.simple(typeName(e == 0 ? Keyspace.TYPE_NONE : ks.type(e)));
            }
            case "keys" -> {
                byte[] pattern = a.get(1);
                boolean all = pattern.length == 1 && pattern[0] == '*';
                List<byte[]> keys = new ArrayList<>();
                ks.forEach(e -> {
                    byte[] k = ks.key(e);
                    if (all || Glob.matches(pattern, k)) {
                        keys.add(k);
                    }
                });
                r.bulks(keys);
            }
            case "scan" -> scan(a, r);
            case "rename", "renamenx" -> rename(a, r, name.equals("renamenx"));
            case "randomkey" -> {
                long e = ks.randomEntry(random);
                r.bulk(e == 0 ? null : ks.key(e));
            }
            case "dbsize" -> r.integer(ks.size());
            case "flushdb", "flushall" -> {
                if (a.size() > 2 || (a.size() == 2 && !isOneOf(a.get(1), "async", "sync"))) {
                    throw new ReplyError(SYNTAX);
                }
                ks.flush();
                r.simple("OK");
            }
            case "select" -> {
                long db = parseLong(a.get(1));
                if (db < Integer.MIN_VALUE || db > Integer.MAX_VALUE) { // object.c getIntFromObjectOrReply
                    throw new ReplyError("ERR value is out of range, value must between -2147483648 and 2147483647");
                }
                if (db != 0) {
                    throw new ReplyError("ERR DB index is out of range");
                }
                r.simple("OK");
            }
            // hashes
            case "hset", "hmset" -> {
                if (a.size() % 2 != 0) {
                    throw new ReplyError("ERR wrong number of arguments for '" + name + "' command");
                }
                long d = containerForWrite(a.get(1), Keyspace.TYPE_HASH);
                int added = 0;
                for (int i = 2; i < a.size(); i += 2) {
                    if (ks.hashPut(d, a.get(i), a.get(i + 1))) {
                        added++;
                    }
                }
                if (name.equals("hset")) {
                    r.integer(added);
                } else {
                    r.simple("OK");
                }
            }
            case "hsetnx" -> {
                long d = containerForWrite(a.get(1), Keyspace.TYPE_HASH);
                if (ks.dictContains(d, a.get(2))) {
                    r.integer(0);
                } else {
                    ks.hashPut(d, a.get(2), a.get(3));
                    r.integer(1);
                }
            }
            case "hget" -> {
                long d = container(a.get(1), Keyspace.TYPE_HASH);
                r.bulk(d == 0 ? null : ks.hashGet(d, a.get(2)));
            }
            case "hmget" -> {
                long d = container(a.get(1), Keyspace.TYPE_HASH);
                r.array(a.size() - 2);
                for (int i = 2; i < a.size(); i++) {
                    r.bulk(d == 0 ? null : ks.hashGet(d, a.get(i)));
                }
            }
            case "hdel", "srem" -> {
                int type = name.equals("hdel") ? Keyspace.TYPE_HASH : Keyspace.TYPE_SET;
                long d = container(a.get(1), type);
                int removed = 0;
                if (d != 0) {
                    for (int i = 2; i < a.size(); i++) {
                        if (ks.dictRemove(d, a.get(i))) {
                            removed++;
                        }
                    }
                    if (ks.dictCount(d) == 0) {
                        ks.delete(a.get(1));
                    }
                }
                r.integer(removed);
            }
            case "hlen", "scard" -> {
                long d = container(a.get(1), name.equals("hlen") ? Keyspace.TYPE_HASH : Keyspace.TYPE_SET);
                r.integer(d == 0 ? 0 : ks.dictCount(d));
            }
            case "hexists", "sismember" -> {
                long d = container(a.get(1), name.equals("hexists") ? Keyspace.TYPE_HASH : Keyspace.TYPE_SET);
                r.integer(d != 0 && ks.dictContains(d, a.get(2)) ? 1 : 0);
            }
            case "hgetall", "hkeys", "hvals", "smembers" -> {
                long d = container(a.get(1), name.equals("smembers") ? Keyspace.TYPE_SET : Keyspace.TYPE_HASH);
                boolean keys = !name.equals("hvals");
                boolean values = name.equals("hgetall") || name.equals("hvals");
                r.bulks(d == 0 ? List.of() : ks.dictItems(d, keys, values));
            }
            case "hincrby" -> {
                long by = parseLong(a.get(3));
                long d = containerForWrite(a.get(1), Keyspace.TYPE_HASH);
                byte[] old = ks.hashGet(d, a.get(2));
                long v = 0;
                if (old != null) {
                    Long parsed = RedisNumbers.parseLong(old);
                    if (parsed == null) {
                        throw new ReplyError("ERR hash value is not an integer");
                    }
                    v = parsed;
                }
                long sum = addOrOverflow(v, by);
                ks.hashPut(d, a.get(2), ascii(Long.toString(sum)));
                r.integer(sum);
            }
            // sets
            case "sadd" -> {
                long d = containerForWrite(a.get(1), Keyspace.TYPE_SET);
                int added = 0;
                for (int i = 2; i < a.size(); i++) {
                    if (ks.setAdd(d, a.get(i))) {
                        added++;
                    }
                }
                r.integer(added);
            }
            // lists
            case "lpush", "rpush" -> {
                long l = containerForWrite(a.get(1), Keyspace.TYPE_LIST);
                for (int i = 2; i < a.size(); i++) {
                    ks.listPush(l, name.equals("lpush"), a.get(i));
                }
                r.integer(ks.listLength(l));
            }
            case "lpop", "rpop" -> pop(a, r, name.equals("lpop"), name);
            case "llen" -> {
                long l = container(a.get(1), Keyspace.TYPE_LIST);
                r.integer(l == 0 ? 0 : ks.listLength(l));
            }
            case "lrange" -> {
                long start = parseLong(a.get(2));
                long end = parseLong(a.get(3));
                long l = container(a.get(1), Keyspace.TYPE_LIST);
                if (l == 0) {
                    r.array(0);
                    return;
                }
                long len = ks.listLength(l);
                if (start < 0) {
                    start += len;
                }
                if (end < 0) {
                    end += len;
                }
                if (start < 0) {
                    start = 0;
                }
                if (start > end || start >= len) {
                    r.array(0);
                    return;
                }
                if (end >= len) {
                    end = len - 1;
                }
                r.bulks(ks.listRange(l, start, end));
            }
            case "lindex" -> {
                long index = parseLong(a.get(2));
                long l = container(a.get(1), Keyspace.TYPE_LIST);
                if (l == 0) {
                    r.nullBulk();
                    return;
                }
                long len = ks.listLength(l);
                if (index < 0) {
                    index += len;
                }
                r.bulk(index < 0 || index >= len ? null : ks.listGet(l, index));
            }
            case "lset" -> {
                long l = container(a.get(1), Keyspace.TYPE_LIST);
                if (l == 0) {
                    throw new ReplyError(NO_SUCH_KEY);
                }
                long index = parseLong(a.get(2));
                long len = ks.listLength(l);
                if (index < 0) {
                    index += len;
                }
                if (index < 0 || index >= len) {
                    throw new ReplyError("ERR index out of range");
                }
                ks.listSet(l, index, a.get(3));
                r.simple("OK");
            }
            case "lrem" -> {
                long count = parseLong(a.get(2));
                long l = container(a.get(1), Keyspace.TYPE_LIST);
                long removed = l == 0 ? 0 : ks.listRemove(l, count, a.get(3));
                if (l != 0 && ks.listLength(l) == 0) {
                    ks.delete(a.get(1));
                }
                r.integer(removed);
            }
            case "ltrim" -> {
                long start = parseLong(a.get(2));
                long end = parseLong(a.get(3));
                long l = container(a.get(1), Keyspace.TYPE_LIST);
                if (l != 0) {
                    long len = ks.listLength(l);
                    if (start < 0) {
                        start += len;
                    }
                    if (end < 0) {
                        end += len;
                    }
                    if (start < 0) {
                        start = 0;
                    }
                    if (start > end || start >= len) {
                        ks.listTrim(l, 1, 0); // empties
                    } else {
                        ks.listTrim(l, start, Math.min(end, len - 1));
                    }
                    if (ks.listLength(l) == 0) {
                        ks.delete(a.get(1));
                    }
                }
                r.simple("OK");
            }
            // connection
            case "ping" -> {
                if (a.size() > 2) {
                    throw new ReplyError("ERR wrong number of arguments for 'ping' command");
                }
                if (a.size() == 2) {
                    r.bulk(a.get(1));
                } else {
                    r.simple("PONG");
                }
            }
            case "echo" -> r.bulk(a.get(1));
            default -> throw new IllegalStateException("command in the arity table without an implementation: " + name);
        }
    }

    // ------------------------------------------------------------------ strings

    /** The entry of string {@code key}, 0 if absent; WRONGTYPE if it holds another type. */
    private long stringEntry(byte[] key) {
        long e = ks.find(key);
        if (e != 0 && ks.type(e) != Keyspace.TYPE_STRING) {
            throw new ReplyError(WRONGTYPE);
        }
        return e;
    }

    private byte[] getString(byte[] key) {
        long e = stringEntry(key);
        return e == 0 ? null : ks.readBlob(ks.valueRef(e));
    }

    /**
     * Stores string {@code v} at {@code key}, replacing any value of any type. The deadline becomes
     * {@code expireAt} (0 = none) unless {@code keepTtl}.
     */
    private void putString(byte[] key, byte[] v, long expireAt, boolean keepTtl) {
        long e = ks.find(key);
        long blob = ks.newBlob(v);
        if (e == 0) {
            try {
                e = ks.insert(key, Keyspace.TYPE_STRING, blob);
            } catch (KeyspaceFullException full) {
                ks.free(blob);
                throw full;
            }
        } else {
            ks.freeValue(ks.type(e), ks.valueRef(e));
            ks.setValue(e, Keyspace.TYPE_STRING, blob);
        }
        if (!keepTtl) {
            ks.setExpireAt(e, expireAt);
        }
    }

    /** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL] (t_string.c). */
    private void set(List<byte[]> a, Reply r) {
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        boolean keepTtl = false;
        String unit = null;
        byte[] expireArg = null;
        for (int i = 3; i < a.size(); i++) {
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            boolean hasNext = i + 1 < a.size();
            switch (opt) {
                case "nx" -> {
                    if (xx) {
                        throw new ReplyError(SYNTAX);
                    }
                    nx = true;
                }
                case "xx" -> {
                    if (nx) {
                        throw new ReplyError(SYNTAX);
                    }
                    xx = true;
                }
                case "get" -> get = true;
                case "keepttl" -> {
                    if (unit != null) {
                        throw new ReplyError(SYNTAX);
                    }
                    keepTtl = true;
                }
                case "ex", "px", "exat", "pxat" -> {
                    // Redis 7.0 accepts the same unit twice (the last wins) but not two different ones.
                    if ((unit != null && !unit.equals(opt)) || keepTtl || !hasNext) {
                        throw new ReplyError(SYNTAX);
                    }
                    unit = opt;
                    expireArg = a.get(++i);
                }
                default -> throw new ReplyError(SYNTAX);
            }
        }
        long expireAt = 0;
        if (unit != null) {
            long t = parseLong(expireArg);
            boolean seconds = unit.equals("ex") || unit.equals("exat");
            if (t <= 0 || (seconds && t > Long.MAX_VALUE / 1000)) {
                throw new ReplyError("ERR invalid expire time in 'set' command");
            }
            if (seconds) {
                t *= 1000;
            }
            if (unit.equals("ex") || unit.equals("px")) {
                long now = ks.now();
                if (t > Long.MAX_VALUE - now) {
                    throw new ReplyError("ERR invalid expire time in 'set' command");
                }
                t += now;
            }
            expireAt = t;
        }
        byte[] key = a.get(1);
        long e = ks.find(key);
        byte[] old = null;
        if (get && e != 0) {
            if (ks.type(e) != Keyspace.TYPE_STRING) {
                throw new ReplyError(WRONGTYPE);
            }
            old = ks.readBlob(ks.valueRef(e));
        }
        if ((nx && e != 0) || (xx && e == 0)) {
            if (get) {
                r.bulk(old);
            } else {
                r.nullBulk();
            }
            return;
        }
        putString(key, a.get(2), expireAt, keepTtl);
        if (get) {
            r.bulk(old);
        } else {
            r.simple("OK");
        }
    }

    private long incrBy(byte[] key, long by) {
        byte[] old = getString(key);
        long v = 0;
        if (old != null) {
            Long parsed = RedisNumbers.parseLong(old);
            if (parsed == null) {
                throw new ReplyError(NOT_INTEGER);
            }
            v = parsed;
        }
        long sum = addOrOverflow(v, by);
        putString(key, ascii(Long.toString(sum)), 0, true);
        return sum;
    }

    private static long addOrOverflow(long v, long by) {
        try {
            return Math.addExact(v, by);
        } catch (ArithmeticException e) {
            throw new ReplyError(OVERFLOW);
        }
    }

    /** INCRBYFLOAT (t_string.c): long double arithmetic, as Redis on x86-64, emulated exactly and bounded. */
    private byte[] incrByFloat(byte[] key, byte[] incrArg) {
        byte[] old = getString(key);
        RedisNumbers.LongDouble v = RedisNumbers.LongDouble.ZERO;
        if (old != null) {
            v = RedisNumbers.parseFloat(old);
            if (v == null) {
                throw new ReplyError("ERR value is not a valid float");
            }
        }
        RedisNumbers.LongDouble by = RedisNumbers.parseFloat(incrArg);
        if (by == null) {
            throw new ReplyError("ERR value is not a valid float");
        }
        RedisNumbers.LongDouble sum = v.add(by);
        if (sum == null || sum.infinite) {
            throw new ReplyError("ERR increment would produce NaN or Infinity");
        }
        byte[] out = ascii(sum.formatHuman());
        putString(key, out, 0, true);
        return out;
    }

    private void getrange(List<byte[]> a, Reply r) {
        long start = parseLong(a.get(2));
        long end = parseLong(a.get(3));
        byte[] v = getString(a.get(1));
        if (v == null) {
            r.bulk(new byte[0]);
            return;
        }
        long len = v.length;
        if (start < 0 && end < 0 && start > end) {
            r.bulk(new byte[0]);
            return;
        }
        if (start < 0) {
            start += len;
        }
        if (end < 0) {
            end += len;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= len) {
            end = len - 1;
        }
        if (start > end || len == 0) {
            r.bulk(new byte[0]);
            return;
        }
        r.bulk(java.util.Arrays.copyOfRange(v, (int) start, (int) end + 1));
    }

    private void setrange(List<byte[]> a, Reply r) {
        long offset = parseLong(a.get(2));
        if (offset < 0) {
            throw new ReplyError("ERR offset is out of range");
        }
        byte[] value = a.get(3);
        byte[] old = getString(a.get(1));
        if (old == null && value.length == 0) {
            r.integer(0);
            return;
        }
        if (value.length == 0) {
            r.integer(old.length);
            return;
        }
        checkStringLength(offset, value.length);
        long end = offset + value.length; // no overflow: at most MAX_STRING now
        checkRoom(end);
        int newLen = (int) Math.max(old == null ? 0 : old.length, end);
        byte[] v = new byte[newLen];
        if (old != null) {
            System.arraycopy(old, 0, v, 0, old.length);
        }
        System.arraycopy(value, 0, v, (int) offset, value.length);
        putString(a.get(1), v, 0, old != null);
        r.integer(newLen);
    }

    /**
     * Redis's checkStringLength (t_string.c): a string of {@code size} bytes plus {@code append} more must stay
     * within proto-max-bulk-len. Both are non-negative; written so that no sum can overflow.
     */
    private static void checkStringLength(long size, long append) {
        if (size > MAX_STRING || append > MAX_STRING - size) {
            throw new ReplyError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }

    /**
     * Answers OOM before a value of {@code bytes} is built on the enclave's heap if the keyspace's space could never
     * hold it: a client-chosen length (SETRANGE's offset) must not make the engine allocate up to 512 MiB first.
     */
    private void checkRoom(long bytes) {
        if (bytes > ks.space().sizeBytes()) {
            throw new KeyspaceFullException("a value of " + bytes + " bytes cannot fit the keyspace's space of "
                    + ks.space().sizeBytes() + " bytes");
        }
    }

    // ------------------------------------------------------------------ keys

    /** EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT key time [NX | XX | GT | LT] (expire.c expireGenericCommand). */
    private void expire(List<byte[]> a, Reply r, long base, boolean seconds, String name) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        for (int i = 3; i < a.size(); i++) {
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            switch (opt) {
                case "nx" -> nx = true;
                case "xx" -> xx = true;
                case "gt" -> gt = true;
                case "lt" -> lt = true;
                default -> throw new ReplyError("ERR Unsupported option " + str(a.get(i)));
            }
        }
        if (nx && (xx || gt || lt)) {
            throw new ReplyError("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if (gt && lt) {
            throw new ReplyError("ERR GT and LT options at the same time are not compatible");
        }
        long when = parseLong(a.get(2));
        String invalid = "ERR invalid expire time in '" + name + "' command";
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                throw new ReplyError(invalid);
            }
            when *= 1000;
        }
        if (when > Long.MAX_VALUE - base) {
            throw new ReplyError(invalid);
        }
        when += base;
        long e = ks.find(a.get(1));
        if (e == 0) {
            r.integer(0);
            return;
        }
        long current = ks.expireAt(e); // 0 = no deadline = infinite
        if ((nx && current != 0) || (xx && current == 0) || (gt && (current == 0 || when <= current))
                || (lt && current != 0 && when >= current)) {
            r.integer(0);
            return;
        }
        if (when <= ks.now()) {
            ks.delete(a.get(1)); // a deadline in the past deletes the key (expire.c checkAlreadyExpired)
        } else {
            ks.setExpireAt(e, when);
        }
        r.integer(1);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] (db.c scanGenericCommand). */
    private void scan(List<byte[]> a, Reply r) {
        long cursor = RedisNumbers.parseCursor(a.get(1));
        long count = 10;
        byte[] pattern = null;
        String type = null;
        for (int i = 2; i < a.size(); i += 2) {
            if (i + 1 >= a.size()) {
                throw new ReplyError(SYNTAX);
            }
            String opt = str(a.get(i)).toLowerCase(Locale.ROOT);
            switch (opt) {
                case "count" -> {
                    count = parseLong(a.get(i + 1));
                    if (count < 1) {
                        throw new ReplyError(SYNTAX);
                    }
                }
                case "match" -> {
                    byte[] p = a.get(i + 1);
                    pattern = p.length == 1 && p[0] == '*' ? null : p; // "*" matches every key, even ""
                }
                case "type" -> type = str(a.get(i + 1)).toLowerCase(Locale.ROOT);
                default -> throw new ReplyError(SYNTAX);
            }
        }
        List<Long> found = new ArrayList<>();
        // Redis's count*10 overflows to a negative number that its "maxiterations--" still treats as true; saturate
        long maxSteps = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = ks.scanStep(cursor, found::add);
        } while (cursor != 0 && maxSteps-- > 0 && found.size() < count);
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> expired = new ArrayList<>();
        for (long e : found) {
            byte[] k = ks.key(e);
            if (ks.isExpired(e)) {
                expired.add(k);
                continue;
            }
            if (pattern != null && !Glob.matches(pattern, k)) {
                continue;
            }
            if (type != null && !typeName(ks.type(e)).equals(type)) {
                continue;
            }
            keys.add(k);
        }
        for (byte[] k : expired) {
            ks.find(k); // lazy expiry deletes it
        }
        r.array(2);
        r.bulk(Long.toUnsignedString(cursor));
        r.bulks(keys);
    }

    private void rename(List<byte[]> a, Reply r, boolean nx) {
        byte[] src = a.get(1);
        byte[] dst = a.get(2);
        long e = ks.find(src);
        if (e == 0) {
            throw new ReplyError(NO_SUCH_KEY);
        }
        if (java.util.Arrays.equals(src, dst)) {
            if (nx) {
                r.integer(0);
            } else {
                r.simple("OK");
            }
            return;
        }
        if (ks.find(dst) != 0) {
            if (nx) {
                r.integer(0);
                return;
            }
            ks.delete(dst);
        }
        int type = ks.type(e);
        long ref = ks.valueRef(e);
        long expireAt = ks.expireAt(e);
        ks.unlinkKeepValue(src);
        long ne = ks.insert(dst, type, ref);
        ks.setExpireAt(ne, expireAt);
        if (nx) {
            r.integer(1);
        } else {
            r.simple("OK");
        }
    }

    static String typeName(int type) {
        return switch (type) {
            case Keyspace.TYPE_STRING -> "string";
            case Keyspace.TYPE_LIST -> "list";
            case Keyspace.TYPE_HASH -> "hash";
            case Keyspace.TYPE_SET -> "set";
            default -> "none";
        };
    }

    // ------------------------------------------------------------------ containers

    /** The value ref of {@code key} if it holds {@code type}, 0 if absent; WRONGTYPE otherwise. */
    private long container(byte[] key, int type) {
        long e = ks.find(key);
        if (e == 0) {
            return 0;
        }
        if (ks.type(e) != type) {
            throw new ReplyError(WRONGTYPE);
        }
        return ks.valueRef(e);
    }

    /** Like {@link #container} but creates an empty one if the key is absent. */
    private long containerForWrite(byte[] key, int type) {
        long ref = container(key, type);
        if (ref != 0) {
            return ref;
        }
        ref = type == Keyspace.TYPE_LIST ? ks.newList() : ks.newDict();
        ks.insert(key, type, ref);
        return ref;
    }

    private void pop(List<byte[]> a, Reply r, boolean left, String name) {
        if (a.size() > 3) {
            throw new ReplyError("ERR wrong number of arguments for '" + name + "' command");
        }
        boolean hasCount = a.size() == 3;
        long count = 1;
        if (hasCount) {
            Long c = RedisNumbers.parseLong(a.get(2));
            if (c == null || c < 0) { // t_list.c getPositiveLongFromObjectOrReply: one message for both
                throw new ReplyError("ERR value is out of range, must be positive");
            }
            count = c;
        }
        long l = container(a.get(1), Keyspace.TYPE_LIST);
        if (l == 0) {
            if (hasCount) {
                r.nullArray();
            } else {
                r.nullBulk();
            }
            return;
        }
        if (!hasCount) {
            r.bulk(ks.listPop(l, left));
        } else {
            List<byte[]> out = new ArrayList<>();
            while (out.size() < count && ks.listLength(l) > 0) {
                out.add(ks.listPop(l, left));
            }
            r.bulks(out);
        }
        if (ks.listLength(l) == 0) {
            ks.delete(a.get(1));
        }
    }

    /** Deletes {@code key} if it holds an empty list, hash or set (no such key may exist in Redis). */
    private void dropIfEmpty(byte[] key) {
        long e = ks.find(key);
        if (e == 0) {
            return;
        }
        long ref = ks.valueRef(e);
        boolean empty = switch (ks.type(e)) {
            case Keyspace.TYPE_LIST -> ks.listLength(ref) == 0;
            case Keyspace.TYPE_HASH, Keyspace.TYPE_SET -> ks.dictCount(ref) == 0;
            default -> false;
        };
        if (empty) {
            ks.delete(key);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static long parseLong(byte[] b) {
        Long v = RedisNumbers.parseLong(b);
        if (v == null) {
            throw new ReplyError(NOT_INTEGER);
        }
        return v;
    }

    private static boolean isOneOf(byte[] b, String... options) {
        String s = str(b);
        for (String o : options) {
            if (o.equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = new byte[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A command's error reply, thrown from deep inside a command to stop it. */
    static final class ReplyError extends RuntimeException {
        ReplyError(String message) {
            super(message, null, false, false);
        }
    }
}
