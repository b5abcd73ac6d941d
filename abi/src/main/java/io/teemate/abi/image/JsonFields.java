package io.teemate.abi.image;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON object of a manifest, read strictly: unknown fields, wrong types and missing required fields are
 * {@link ManifestException}s naming the file and the field's JSON path. Jackson only parses the text; every
 * rule is checked here, so no Jackson message or stack trace reaches the user.
 */
final class JsonFields {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;
    private final String path;
    private final ObjectNode node;

    private JsonFields(String source, String path, JsonNode node, Set<String> known) {
        this.source = source;
        this.path = path;
        if (node == null || !node.isObject()) {
            throw new ManifestException(source, path, "must be a JSON object, got " + describe(node));
        }
        this.node = (ObjectNode) node;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new ManifestException(
                        source, where(f), "unknown field (expected one of " + new TreeSet<>(known) + ")");
            }
        }
    }

    /** Parses {@code json}, which must be one JSON object with only {@code known} fields. */
    /** The text of a manifest file; an unreadable file is a {@link ManifestException} naming it. */
    static String readText(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new ManifestException(
                    file.getFileName().toString(), "", "cannot read " + file + ": " + e.getMessage());
        }
    }

    static JsonFields parse(String json, String source, Set<String> known) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            throw new ManifestException(source, "", "not valid JSON" + at + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ManifestException(source, "", "is empty; a manifest is a JSON object");
        }
        return new JsonFields(source, "", root, known);
    }

    String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    ManifestException error(String field, String problem) {
        return new ManifestException(source, where(field), problem);
    }

    String source() {
        return source;
    }

    boolean has(String field) {
        return node.has(field);
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw error(field, "is missing");
        }
        return v;
    }

    /** A required, non-empty string. */
    String string(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw error(field, "must be a string, got " + describe(v));
        }
        if (v.textValue().isEmpty()) {
            throw error(field, "must not be empty");
        }
        return v.textValue();
    }

    /** A whole number in [min, max]; {@code fallback} when absent, or required when {@code fallback} is null. */
    long integer(String field, long min, long max, Long fallback) {
        JsonNode v = node.get(field);
        if (v == null) {
            if (fallback == null) {
                throw error(field, "is missing");
            }
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw error(field, "must be a whole number from " + min + " to " + max + ", got " + describe(v));
        }
        return v.longValue();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    /** A size in bytes: a JSON number, or a string such as "64M" (see {@link Sizes}); -1 when absent. */
    long size(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return -1;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Sizes.parse(v.textValue());
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }
        throw error(field, describe(v) + " is not a size (use bytes or K/M/G)");
    }

    /** A list of strings, empty when absent. */
    List<String> strings(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(field, "must be a list of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw error(field + "[" + i + "]", "must be a string, got " + describe(v.get(i)));
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    /** An object whose values are all strings, empty when absent; keys keep their order. */
    Map<String, String> stringMap(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw error(field, "must be an object of strings, got " + describe(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : v.properties()) {
            if (!e.getValue().isTextual()) {
                throw error(field + "." + e.getKey(), "must be a string, got " + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /** A list of objects with only {@code known} fields, empty when absent. */
    List<JsonFields> objects(String field, Set<String> known) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(field, "must be a list, got " + describe(v));
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new JsonFields(source, where(field) + "[" + i + "]", v.get(i), known));
        }
        return out;
    }

    /** What a value is, for messages: the JSON text of short values, the kind of long ones. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        String text = v.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
