package io.teemate.faas.abi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The requests and replies of the platform's services for JavaScript functions ("fetch", "kv", reached through
 * {@code RuntimeAbi.OCALL_SERVICE}; the prelude's {@code fetch} and {@code teemate.kv} make them): a u32 big-endian
 * header length, a JSON object (the header), then the payload bytes. JSON because the prelude reads and writes it
 * natively; a header {@code {"error": "..."}} is a failure the function sees as that message.
 * <ul>
 * <li>fetch: {@code {"method": "GET"|"HEAD", "url", "offset", "length", "id"}} -> {@code {"status", "statusText",
 * "url", "headers", "total", "id"}} and the body's bytes from {@code offset} (at most {@code length}). Offset 0
 * makes the request; a later offset reads on in the body of that reply ({@code id}).</li>
 * <li>kv: {@code {"op": "SET"|"APPEND", "key"}} and the value's bytes -> {@code {"length"}} (the value's length
 * after); {@code {"op": "GET", "key", "offset", "length"}} -> {@code {"exists", "total"}} and the bytes from
 * {@code offset}.</li>
 * </ul>
 */
public record ServiceFrame(ObjectNode header, byte[] payload) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode newHeader() {
        return JSON.createObjectNode();
    }

    /** A failure the function sees as {@code message}. */
    public static byte[] error(String message) {
        return new ServiceFrame(newHeader().put("error", message), new byte[0]).encode();
    }

    public byte[] encode() {
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + h.length + payload.length)
                .putInt(h.length)
                .put(h)
                .put(payload)
                .array();
    }

    /** @throws IllegalArgumentException {@code bytes} is not a frame with a JSON object header */
    public static ServiceFrame decode(byte[] bytes) {
        if (bytes.length < 4) {
            throw new IllegalArgumentException("a service frame of " + bytes.length + " bytes has no header length");
        }
        long n = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt());
        if (n > bytes.length - 4) {
            throw new IllegalArgumentException("a service frame's header of " + n + " bytes runs past its end");
        }
        JsonNode h;
        try {
            h = JSON.readTree(new String(bytes, 4, (int) n, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a service frame's header is not JSON: " + e.getOriginalMessage());
        }
        if (!(h instanceof ObjectNode o)) {
            throw new IllegalArgumentException("a service frame's header is not a JSON object");
        }
        return new ServiceFrame(o, Arrays.copyOfRange(bytes, 4 + (int) n, bytes.length));
    }

    /** The header's string {@code field}, required. */
    public String string(String field) {
        JsonNode v = header.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the request's \"" + field + "\" must be a string");
        }
        return v.asText();
    }

    /** The header's non-negative integer {@code field} (0 when absent), at most {@code max}. */
    public long count(String field, long max) {
        JsonNode v = header.get(field);
        if (v == null) {
            return 0;
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < 0 || v.asLong() > max) {
            throw new IllegalArgumentException("the request's \"" + field + "\" must be an integer from 0 to " + max);
        }
        return v.asLong();
    }
}
