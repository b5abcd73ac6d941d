package io.teemate.abi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The byte encoding of ecall requests and responses: little-endian integers and length-prefixed byte strings.
 * The reader trusts nothing: every length is checked against what is left, and a short or oversized field is a
 * {@link MalformedException} naming the field.
 */
public final class Wire {
    private Wire() {}

    /** A request or response that does not decode. */
    public static final class MalformedException extends RuntimeException {
        public MalformedException(String message) {
            super(message);
        }
    }

    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer u32(long v) {
            out.writeBytes(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) v)
                    .array());
            return this;
        }

        public Writer u64(long v) {
            out.writeBytes(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(v)
                    .array());
            return this;
        }

        /** Raw bytes, no length: for fixed-size fields. */
        public Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** A u32 length, then the bytes. */
        public Writer blob(byte[] b) {
            return u32(b.length).bytes(b);
        }

        public Writer string(String s) {
            return blob(s.getBytes(StandardCharsets.UTF_8));
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }
    }

    public static final class Reader {
        private final ByteBuffer in;

        public Reader(byte[] bytes) {
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        public long u32(String field) {
            need(4, field);
            return Integer.toUnsignedLong(in.getInt());
        }

        public long u64(String field) {
            need(8, field);
            return in.getLong();
        }

        public byte[] fixed(int length, String field) {
            need(length, field);
            byte[] b = new byte[length];
            in.get(b);
            return b;
        }

        public byte[] blob(String field) {
            long length = u32(field + " length");
            if (length > in.remaining()) {
                throw new MalformedException(
                        field + ": length " + length + " exceeds the " + in.remaining() + " bytes left");
            }
            return fixed((int) length, field);
        }

        public String string(String field) {
            return new String(blob(field), StandardCharsets.UTF_8);
        }

        /** Fails unless every byte was consumed: trailing bytes mean the two sides disagree on the format. */
        public void end() {
            if (in.hasRemaining()) {
                throw new MalformedException(in.remaining() + " unexpected trailing bytes");
            }
        }

        private void need(int n, String field) {
            if (in.remaining() < n) {
                throw new MalformedException(field + ": needs " + n + " bytes, " + in.remaining() + " left");
            }
        }
    }
}
