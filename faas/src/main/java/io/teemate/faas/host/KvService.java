package io.teemate.faas.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teemate.faas.abi.ServiceFrame;
import io.teemate.host.container.HostService;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;

/**
 * The "kv" service: a JavaScript function's {@code teemate.kv} ({@link ServiceFrame} says the protocol), over Redis's
 * protocol to the platform's key-value store at {@link PlatformOptions#kvEndpoint()}: TeeMate's own store
 * ({@code teemate kv serve}) or a Redis. A value larger than one request is a SET and APPENDs, read back by
 * GETRANGE. Without an endpoint every request is answered with what to do. The request is a tenant's: the key is
 * 1 to {@link #MAX_KEY} bytes, an unknown operation is refused, and a store's error is said as the store said it.
 */
final class KvService implements HostService, AutoCloseable {
    static final String NO_STORE = "the platform has no key-value store: start teemate serve with --kv HOST:PORT";
    static final int MAX_KEY = 1024;

    private final String endpoint;
    private final RedisClient redis;

    private KvService(String endpoint, RedisClient redis) {
        this.endpoint = endpoint;
        this.redis = redis;
    }

    /** The service for {@code endpoint} ({@code host:port}), or one that answers {@link #NO_STORE} for null. */
    static KvService of(String endpoint) {
        if (endpoint == null) {
            return new KvService(null, null);
        }
        HostPort hp = HostPort.parse(endpoint);
        return new KvService(endpoint, RedisClient.create(hp.host(), hp.port()));
    }

    /** {@code host:port} (an IPv6 host in brackets). */
    record HostPort(String host, int port) {
        static HostPort parse(String endpoint) {
            int colon = endpoint.lastIndexOf(':');
            String host = colon > 0 ? endpoint.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = -1;
            try {
                port = Integer.parseInt(endpoint.substring(colon + 1));
            } catch (NumberFormatException e) {
                // said below
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("the key-value store's endpoint must be HOST:PORT (e.g."
                        + " 127.0.0.1:6379), got \"" + endpoint + "\"");
            }
            return new HostPort(host, port);
        }
    }

    @Override
    public byte[] serve(String containerName, byte[] request) {
        ServiceFrame f = ServiceFrame.decode(request);
        if (redis == null) {
            return ServiceFrame.error(NO_STORE);
        }
        String op = f.string("op");
        byte[] key = f.string("key").getBytes(StandardCharsets.UTF_8);
        if (key.length < 1 || key.length > MAX_KEY) {
            return ServiceFrame.error("a key is 1 to " + MAX_KEY + " bytes");
        }
        try {
            ObjectNode h = ServiceFrame.newHeader();
            switch (op) {
                case "SET" -> {
                    redis.set(key, f.payload());
                    h.put("length", f.payload().length);
                }
                case "APPEND" -> h.put("length", redis.append(key, f.payload()));
                case "GET" -> {
                    long offset = f.count("offset", Integer.MAX_VALUE);
                    long length = Math.min(f.count("length", Integer.MAX_VALUE), HostService.MAX_REPLY - 4096L);
                    boolean exists = redis.exists(key);
                    long total = exists ? redis.strlen(key) : 0;
                    h.put("exists", exists).put("total", total);
                    byte[] part = new byte[0];
                    if (exists && offset < total && length > 0) {
                        part = redis.getrange(key, offset, Math.min(total, offset + length) - 1);
                    }
                    return new ServiceFrame(h, part).encode();
                }
                default -> {
                    return ServiceFrame.error("unknown key-value operation " + op + " (SET, APPEND or GET)");
                }
            }
            return new ServiceFrame(h, new byte[0]).encode();
        } catch (JedisConnectionException e) {
            return ServiceFrame.error("the key-value store at " + endpoint + " is unreachable: " + e.getMessage());
        } catch (JedisException e) {
            return ServiceFrame.error("the key-value store at " + endpoint + " answered: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
