package io.teemate.abi.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The length-prefixed binary encoding that manifests are hashed and measured in (see docs/manifests.md):
 * little-endian integers as in SGX structures, a string is u32 byte length + UTF-8, a list is u32 count +
 * items, a boolean is one byte 0 or 1. There is exactly one encoding of each value, so equal manifests hash
 * equal however their JSON was written.
 */
final class Canonical {
    private Canonical() {}

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer u16(int v) {
            out.write(scratch.clear().putShort((short) v).array(), 0, 2);
            return this;
        }

        Writer u32(long v) {
            out.write(scratch.clear().putInt((int) v).array(), 0, 4);
            return this;
        }

        Writer u64(long v) {
            out.write(scratch.clear().putLong(v).array(), 0, 8);
            return this;
        }

        Writer bool(boolean v) {
            return u8(v ? 1 : 0);
        }

        Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u32(b.length).bytes(b);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** Reads what {@link Writer} wrote; any malformation is an IllegalArgumentException naming {@code what}. */
    static final class Reader {
        private final ByteBuffer in;
        private final String what;

        Reader(byte[] bytes, String what) {
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.what = what;
        }

        private void need(long n) {
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException(what + " is truncated at byte " + in.position());
            }
        }

        void magic(byte[] expected) {
            need(expected.length);
            byte[] got = new byte[expected.length];
            in.get(got);
            if (!Arrays.equals(got, expected)) {
                throw new IllegalArgumentException(
                        what + " does not start with \"" + new String(expected, StandardCharsets.US_ASCII) + "\"");
            }
        }

        byte[] bytes(int n) {
            need(n);
            byte[] b = new byte[n];
            in.get(b);
            return b;
        }

        int u8() {
            need(1);
            return in.get() & 0xFF;
        }

        int u16() {
            need(2);
            return in.getShort() & 0xFFFF;
        }

        long u32() {
            need(4);
            return in.getInt() & 0xFFFF_FFFFL;
        }

        long u64() {
            need(8);
            return in.getLong();
        }

        boolean bool() {
            int b = u8();
            if (b > 1) {
                throw new IllegalArgumentException(what + ": byte " + (in.position() - 1) + " is a boolean, got " + b);
            }
            return b == 1;
        }

        /** A list count; each item takes at least {@code minItemBytes}, which bounds the count by what is left. */
        int count(int minItemBytes) {
            long n = u32();
            need(n * Math.max(1, minItemBytes));
            return (int) n;
        }

        String string() {
            int n = count(1);
            byte[] b = bytes(n);
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(what + ": a string before byte " + in.position() + " is not UTF-8");
            }
        }

        void end() {
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(what + " has " + in.remaining() + " bytes after its end");
            }
        }
    }
}
