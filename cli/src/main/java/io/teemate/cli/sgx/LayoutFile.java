package io.teemate.cli.sgx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.sgx.loader.EnclaveLayout;
import io.teemate.sgx.loader.EnclavePage;
import io.teemate.sgx.loader.LayoutException;
import io.teemate.sgx.struct.PagePermissions;
import io.teemate.sgx.struct.PageType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an enclave layout file (the JSON format of {@code teemate sgx measure}). Every error names the field
 * or page and the rule it breaks; the layout rules themselves are {@link EnclaveLayout}'s.
 */
public final class LayoutFile {
    private static final int PAGE = 4096;
    private static final Set<String> TOP_FIELDS = Set.of("ssaFrameSize", "size", "pages");
    private static final Set<String> PAGE_FIELDS =
            Set.of("offset", "type", "flags", "measure", "fill", "file", "fileOffset", "base64");

    private LayoutFile() {}

    public static EnclaveLayout read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new LayoutException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LayoutException("cannot read the layout: " + e);
        }
        if (root == null || !root.isObject()) {
            throw new LayoutException("the layout must be a JSON object");
        }
        rejectUnknown(root, TOP_FIELDS, "layout");
        long size = number(root, "size", "layout");
        long ssa = number(root, "ssaFrameSize", "layout");
        if (ssa < 1 || ssa > Integer.MAX_VALUE) {
            throw new LayoutException("ssaFrameSize " + ssa + " must be a positive number of pages");
        }
        JsonNode pages = root.get("pages");
        if (pages == null || !pages.isArray()) {
            throw new LayoutException("\"pages\" must be an array of pages");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<EnclavePage> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            out.add(page(pages.get(i), i, dir));
        }
        return new EnclaveLayout(size, (int) ssa, out);
    }

    private static EnclavePage page(JsonNode p, int index, Path dir) {
        String where = "page " + index;
        if (!p.isObject()) {
            throw new LayoutException(where + ": must be an object");
        }
        rejectUnknown(p, PAGE_FIELDS, where);
        long offset = number(p, "offset", where);
        String typeName = text(p, "type", where);
        PageType type;
        try {
            type = PageType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new LayoutException(where + ": type \"" + typeName + "\" is not REG or TCS");
        }
        PagePermissions perms;
        try {
            perms = PagePermissions.parse(p.has("flags") ? text(p, "flags", where) : "");
        } catch (IllegalArgumentException e) {
            throw new LayoutException(where + ": flags: " + e.getMessage());
        }
        JsonNode measure = p.get("measure");
        if (measure == null || !measure.isBoolean()) {
            throw new LayoutException(where + ": \"measure\" must be true or false");
        }
        byte[] content = content(p, where, dir);
        EnclavePage page = new EnclavePage(offset, type, perms, measure.booleanValue(), content);
        return page;
    }

    private static byte[] content(JsonNode p, String where, Path dir) {
        int sources = (p.has("fill") ? 1 : 0) + (p.has("file") ? 1 : 0) + (p.has("base64") ? 1 : 0);
        if (sources != 1) {
            throw new LayoutException(
                    where + ": give exactly one of \"fill\", \"file\" or \"base64\" for the page's bytes");
        }
        if (p.has("fileOffset") && !p.has("file")) {
            throw new LayoutException(where + ": \"fileOffset\" needs \"file\"");
        }
        if (p.has("fill")) {
            long fill = number(p, "fill", where);
            if (fill < 0 || fill > 255) {
                throw new LayoutException(where + ": fill " + fill + " is not a byte value 0..255");
            }
            byte[] c = new byte[PAGE];
            Arrays.fill(c, (byte) fill);
            return c;
        }
        if (p.has("base64")) {
            byte[] c;
            try {
                c = Base64.getDecoder().decode(text(p, "base64", where));
            } catch (IllegalArgumentException e) {
                throw new LayoutException(where + ": base64 does not decode: " + e.getMessage());
            }
            if (c.length != PAGE) {
                throw new LayoutException(where + ": base64 content is " + c.length + " bytes, a page is exactly 4096");
            }
            return c;
        }
        Path file = dir.resolve(text(p, "file", where));
        long from = p.has("fileOffset") ? number(p, "fileOffset", where) : 0;
        try {
            long length = Files.size(file);
            if (from < 0 || from + PAGE > length) {
                throw new LayoutException(String.format(
                        "%s: file %s has %d bytes; 4096 bytes at offset %d do not fit", where, file, length, from));
            }
            try (var ch = Files.newByteChannel(file)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(PAGE);
                ch.position(from);
                while (b.hasRemaining() && ch.read(b) >= 0) {
                    // keep reading until the page is full
                }
                return b.array();
            }
        } catch (IOException e) {
            throw new LayoutException(where + ": cannot read file " + file + ": " + e.getMessage());
        }
    }

    /** A non-negative integer given as a JSON number or a "0x..." string. */
    private static long number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new LayoutException(where + ": \"" + field + "\" is missing");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual() && v.textValue().matches("0[xX][0-9a-fA-F]{1,16}")) {
            return Long.parseUnsignedLong(v.textValue().substring(2), 16);
        }
        throw new LayoutException(where + ": \"" + field + "\" must be an integer (or a \"0x...\" string), got " + v);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new LayoutException(where + ": \"" + field + "\" must be a string");
        }
        return v.textValue();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new LayoutException(where + ": unknown field \"" + f + "\" (expected one of " + known + ")");
            }
        }
    }
}
