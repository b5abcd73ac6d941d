package io.teemate.sgx.program;

import io.teemate.sgx.mmu.Memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes that stand for an enclave program's code in enclave memory: a header, then the name and class-file
 * bytecode of each of its classes. A loader adds these pages (RX, measured) at OENTRY; at EENTER the processor
 * fetches them through its execute checks and runs the program registered for their SHA-256, and nothing else.
 * Changing one byte of a class changes MRENCLAVE, exactly as changing machine code would.
 * <p>Layout: "TMCODE01" (8) | image length u32 | class count u32 | 16 reserved | per class: name length u16,
 * name (UTF-8), code length u32, class file.
 */
public final class CodeImage {
    public static final int HEADER_SIZE = 32;
    private static final byte[] MAGIC = "TMCODE01".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final byte[] digest;
    private final String description;

    private CodeImage(byte[] bytes, String description) {
        this.bytes = bytes;
        this.digest = sha256(bytes);
        this.description = description;
    }

    public static CodeImage of(EnclaveProgram program) {
        return of(program.codeClasses(), program.getClass().getName());
    }

    /**
     * The image of {@code classes}, the first being the program at OENTRY: what a toolchain links from class files,
     * without running any of them. {@code description} names it in {@link #toString}.
     */
    public static CodeImage of(List<Class<?>> classes, String description) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(description + " declares no code classes");
        }
        byte[][] names = new byte[classes.size()][];
        byte[][] codes = new byte[classes.size()][];
        int length = HEADER_SIZE;
        for (int i = 0; i < classes.size(); i++) {
            Class<?> c = classes.get(i);
            names[i] = c.getName().getBytes(StandardCharsets.UTF_8);
            codes[i] = classFile(c);
            length += 2 + names[i].length + 4 + codes[i].length;
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(length).putInt(classes.size()).put(new byte[16]);
        for (int i = 0; i < names.length; i++) {
            b.putShort((short) names[i].length)
                    .put(names[i])
                    .putInt(codes[i].length)
                    .put(codes[i]);
        }
        return new CodeImage(b.array(), description);
    }

    /**
     * The classes an image's bytes stand for, if every one of them is a class of this machine whose class file is
     * byte for byte the one in the image; otherwise (malformed bytes, an unknown class, other bytecode) null. This
     * is the emulator's instruction decode: bytes that are not exactly a program's code run nothing.
     */
    public static List<Class<?>> decode(byte[] image, ClassLoader loader) {
        try {
            ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
            if (imageLength(Arrays.copyOf(image, Math.min(image.length, HEADER_SIZE))) != image.length) {
                return null;
            }
            b.position(MAGIC.length + 4);
            int count = b.getInt();
            b.position(HEADER_SIZE);
            if (count <= 0 || count > image.length / 7) {
                return null;
            }
            List<Class<?>> classes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[Short.toUnsignedInt(b.getShort())];
                b.get(name);
                int codeLength = b.getInt();
                if (codeLength < 0 || codeLength > b.remaining()) {
                    return null;
                }
                byte[] code = new byte[codeLength];
                b.get(code);
                Class<?> c = Class.forName(new String(name, StandardCharsets.UTF_8), false, loader);
                if (!Arrays.equals(code, classFile(c))) {
                    return null;
                }
                classes.add(c);
            }
            return b.hasRemaining() ? null : classes;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The classes of a decoded image, in image order: what an entry class's constructor may be given. */
    public record Contents(List<Class<?>> classes) {
        public Contents {
            classes = List.copyOf(classes);
        }
    }

    /** Reads the total image length from a fetched header, or -1 if the bytes are not a code image header. */
    public static int imageLength(byte[] header) {
        if (header.length < HEADER_SIZE || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return -1;
        }
        return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    }

    /** The image bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The image padded with zeros to whole 4 KiB pages, ready for EADD. */
    public byte[] pages() {
        int pages = (bytes.length + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
        return Arrays.copyOf(bytes, pages * Memory.PAGE_SIZE);
    }

    public int pageCount() {
        return (bytes.length + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
    }

    /** SHA-256 of the image: the key the processor binds code by. */
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public String toString() {
        return "CodeImage[" + description + ", " + bytes.length + " bytes, sha256 "
                + HexFormat.of().formatHex(digest) + "]";
    }

    /** SHA-256, the digest the processor binds fetched code by. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classFile(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        ClassLoader loader = c.getClassLoader() != null ? c.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file found for " + c.getName()
                        + " (lambdas and hidden classes cannot be enclave code)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the class file of " + c.getName(), e);
        }
    }
}
