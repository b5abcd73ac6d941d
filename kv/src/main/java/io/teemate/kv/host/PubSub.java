package io.teemate.kv.host;

import io.teemate.kv.abi.Glob;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Redis 7.0's pub/sub (pubsub.c): SUBSCRIBE, PSUBSCRIBE, UNSUBSCRIBE, PUNSUBSCRIBE, PUBLISH, PUBSUB CHANNELS / NUMSUB
 * / NUMPAT / SHARDCHANNELS / SHARDNUMSUB / HELP, and the sharded SSUBSCRIBE / SUNSUBSCRIBE / SPUBLISH, which on a
 * standalone server are the same thing in a namespace of their own.
 * <p>Pub/sub lives on the host, not in the enclave: it keeps no data (a message is delivered to the clients
 * subscribed right now, then forgotten; nothing is persisted or replicated), and a message travels from the
 * publisher's socket to the subscribers' sockets, which are the host's plaintext connections anyway. Routing it
 * through the enclave would cost an ecall per PUBLISH and protect nothing the host does not already see.
 * <p>Messages are delivered in publish order: the event loop is one thread and each message is queued on every
 * receiver's connection before PUBLISH answers. Channel subscribers get it in subscription order, then pattern
 * subscribers, pattern by pattern in the order patterns were first subscribed (Redis's dict order there is a hash
 * order, which no client can rely on).
 */
final class PubSub {
    /** Channel -> its subscribers in subscription order (pubsub.c server.pubsub_channels). */
    private final Map<String, Set<ClientState>> channels = new LinkedHashMap<>();

    private final Map<String, Set<ClientState>> shardChannels = new LinkedHashMap<>();
    /** Pattern -> its subscribers (server.pubsub_patterns). */
    private final Map<String, Set<ClientState>> patterns = new LinkedHashMap<>();

    /** Shard channels each client is subscribed to (a client's plain channels are {@link ClientState#channels}). */
    private final Map<ClientState, Set<String>> shardOf = new java.util.HashMap<>();

    /** Runs pub/sub command {@code argv} (its arity checked) for {@code c}; returns the reply in c's protocol. */
    byte[] execute(ClientState c, List<byte[]> argv) {
        String name = lower(argv.get(0));
        List<String> args = new ArrayList<>();
        for (byte[] a : argv.subList(1, argv.size())) {
            args.add(new String(a, StandardCharsets.ISO_8859_1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (name) {
            case "subscribe" -> {
                for (String ch : args) {
                    if (c.channels.add(ch)) {
                        channels.computeIfAbsent(ch, k -> new LinkedHashSet<>()).add(c);
                    }
                    out.writeBytes(confirmation(c, "subscribe", ch, count(c)));
                }
            }
            case "psubscribe" -> {
                for (String p : args) {
                    if (c.patterns.add(p)) {
                        patterns.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(c);
                    }
                    out.writeBytes(confirmation(c, "psubscribe", p, count(c)));
                }
            }
            case "ssubscribe" -> {
                Set<String> mine = shardOf.computeIfAbsent(c, k -> new LinkedHashSet<>());
                for (String ch : args) {
                    if (mine.add(ch)) {
                        shardChannels
                                .computeIfAbsent(ch, k -> new LinkedHashSet<>())
                                .add(c);
                    }
                    out.writeBytes(confirmation(c, "ssubscribe", ch, mine.size()));
                }
            }
            case "unsubscribe" -> unsubscribe(c, args, c.channels, channels, "unsubscribe", out);
            case "punsubscribe" -> unsubscribe(c, args, c.patterns, patterns, "punsubscribe", out);
            case "sunsubscribe" ->
                unsubscribe(
                        c, args, shardOf.getOrDefault(c, new LinkedHashSet<>()), shardChannels, "sunsubscribe", out);
            case "publish" -> {
                return Resp.integer(publish(argv.get(1), argv.get(2)));
            }
            case "spublish" -> {
                return Resp.integer(deliver(shardChannels.get(args.get(0)), "smessage", argv.get(1), argv.get(2)));
            }
            case "pubsub" -> {
                return pubsub(argv, args);
            }
            default -> throw new IllegalStateException(name);
        }
        return out.toByteArray();
    }

    /** PUBLISH channel message: to the channel's subscribers, then to the matching patterns'; how many got it. */
    int publish(byte[] channel, byte[] message) {
        String ch = new String(channel, StandardCharsets.ISO_8859_1);
        int receivers = deliver(channels.get(ch), "message", channel, message);
        for (Map.Entry<String, Set<ClientState>> e : patterns.entrySet()) {
            if (Glob.matches(e.getKey().getBytes(StandardCharsets.ISO_8859_1), channel)) {
                for (ClientState s : e.getValue()) {
                    ByteArrayOutputStream m = new ByteArrayOutputStream();
                    m.writeBytes(Resp3.pushHeader(s.resp, 4));
                    m.writeBytes(Resp.bulk("pmessage"));
                    m.writeBytes(Resp.bulk(e.getKey().getBytes(StandardCharsets.ISO_8859_1)));
                    m.writeBytes(Resp.bulk(channel));
                    m.writeBytes(Resp.bulk(message));
                    s.link.push(m.toByteArray());
                    receivers++;
                }
            }
        }
        return receivers;
    }

    private static int deliver(Collection<ClientState> to, String kind, byte[] channel, byte[] message) {
        if (to == null) {
            return 0;
        }
        for (ClientState s : to) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.writeBytes(Resp3.pushHeader(s.resp, 3));
            m.writeBytes(Resp.bulk(kind));
            m.writeBytes(Resp.bulk(channel));
            m.writeBytes(Resp.bulk(message));
            s.link.push(m.toByteArray());
        }
        return to.size();
    }

    /**
     * (P|S)UNSUBSCRIBE [name ...]: each name (all of the client's without any) is confirmed with the count left; a
     * client with nothing to unsubscribe from gets one confirmation with a null name (pubsubUnsubscribeAllChannels).
     */
    private void unsubscribe(
            ClientState c,
            List<String> args,
            Set<String> mine,
            Map<String, Set<ClientState>> registry,
            String kind,
            ByteArrayOutputStream out) {
        boolean shard = kind.equals("sunsubscribe");
        List<String> names = args.isEmpty() ? new ArrayList<>(mine) : args;
        if (names.isEmpty()) {
            out.writeBytes(Resp3.pushHeader(c.resp, 3));
            out.writeBytes(Resp.bulk(kind));
            out.writeBytes(Resp3.nullBulk(c.resp));
            out.writeBytes(Resp.integer(shard ? 0 : count(c)));
            return;
        }
        for (String n : names) {
            if (mine.remove(n)) {
                Set<ClientState> subs = registry.get(n);
                subs.remove(c);
                if (subs.isEmpty()) {
                    registry.remove(n);
                }
            }
            out.writeBytes(confirmation(c, kind, n, shard ? mine.size() : count(c)));
        }
    }

    /** Forgets every subscription of a client that is gone or RESET (pubsubUnsubscribeAll..., no replies). */
    void forget(ClientState c) {
        for (String ch : c.channels) {
            remove(channels, ch, c);
        }
        for (String p : c.patterns) {
            remove(patterns, p, c);
        }
        Set<String> shard = shardOf.remove(c);
        if (shard != null) {
            for (String ch : shard) {
                remove(shardChannels, ch, c);
            }
        }
        c.channels.clear();
        c.patterns.clear();
    }

    /** The client's number of shard channel subscriptions (CLIENT LIST ssub). */
    int shardCount(ClientState c) {
        Set<String> s = shardOf.get(c);
        return s == null ? 0 : s.size();
    }

    private static void remove(Map<String, Set<ClientState>> registry, String name, ClientState c) {
        Set<ClientState> subs = registry.get(name);
        if (subs != null) {
            subs.remove(c);
            if (subs.isEmpty()) {
                registry.remove(name);
            }
        }
    }

    /** PUBSUB CHANNELS [pattern] | NUMSUB [channel ...] | NUMPAT | SHARDCHANNELS [pattern] | SHARDNUMSUB | HELP. */
    private byte[] pubsub(List<byte[]> argv, List<String> args) {
        String sub = lower(argv.get(1));
        int n = argv.size();
        switch (sub) {
            case "channels", "shardchannels" -> {
                if (n > 3) { // the subcommand's arity is -2: the rest is pubsubCommand's own check
                    return Resp.error("ERR unknown subcommand or wrong number of arguments for '"
                            + new String(argv.get(1), StandardCharsets.UTF_8) + "'. Try PUBSUB HELP.");
                }
                byte[] pattern = n == 3 ? argv.get(2) : null;
                List<byte[]> out = new ArrayList<>();
                for (String ch : (sub.equals("channels") ? channels : shardChannels).keySet()) {
                    byte[] b = ch.getBytes(StandardCharsets.ISO_8859_1);
                    if (pattern == null || Glob.matches(pattern, b)) {
                        out.add(b);
                    }
                }
                return Resp.array(out);
            }
            case "numsub", "shardnumsub" -> {
                Map<String, Set<ClientState>> registry = sub.equals("numsub") ? channels : shardChannels;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(("*" + 2 * (n - 2) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                for (String ch : args.subList(1, args.size())) {
                    out.writeBytes(Resp.bulk(ch.getBytes(StandardCharsets.ISO_8859_1)));
                    Set<ClientState> subs = registry.get(ch);
                    out.writeBytes(Resp.integer(subs == null ? 0 : subs.size()));
                }
                return out.toByteArray();
            }
            case "numpat" -> {
                return n != 2 ? wrongArgs(sub) : Resp.integer(patterns.size());
            }
            case "help" -> {
                return n != 2 ? wrongArgs(sub) : ClientCommands.help(HELP);
            }
            default -> {
                return Resp.error("ERR unknown subcommand '" + new String(argv.get(1), StandardCharsets.UTF_8)
                        + "'. Try PUBSUB HELP.");
            }
        }
    }

    private static final List<String> HELP = List.of(
            "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT",
            "    Return number of subscriptions to patterns.",
            "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).",
            "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: '*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)",
            "HELP",
            "    Prints this help.");

    private static byte[] wrongArgs(String sub) {
        return Resp.error("ERR wrong number of arguments for 'pubsub|" + sub + "' command");
    }

    /** A client's channels and patterns (pubsub.c clientSubscriptionsCount). */
    private static int count(ClientState c) {
        return c.channels.size() + c.patterns.size();
    }

    /** One (un)subscribe confirmation: [kind, name, count], a push in RESP3 (addReplyPubsubSubscribed). */
    private static byte[] confirmation(ClientState c, String kind, String name, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Resp3.pushHeader(c.resp, 3));
        out.writeBytes(Resp.bulk(kind));
        out.writeBytes(Resp.bulk(name.getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(Resp.integer(count));
        return out.toByteArray();
    }

    private static String lower(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
