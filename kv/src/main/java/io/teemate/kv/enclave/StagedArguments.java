package io.teemate.kv.enclave;

import io.teemate.abi.Wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of one command too large for the 1 MiB request buffer, copied into enclave memory in pieces
 * ({@code KvAbi.STAGE}) before the EXEC that runs it ({@code KvAbi.ARGC_STAGED}). Redis reads a big bulk argument
 * into its query buffer the same way, a read at a time, up to {@code proto-max-bulk-len} per argument and
 * {@code client-query-buffer-limit} (1 GiB) in all.
 * <p>Every number here is the host's word: an argument's length is fixed by its first piece and checked against
 * the limits before anything is allocated, pieces must come in order and fill it exactly, and a command is taken
 * only when its last argument is complete. A refused piece drops everything staged, so the host starts over.
 */
final class StagedArguments {
    /** Redis's client-query-buffer-limit default: the most a client's pending command may hold. */
    static final long MAX_TOTAL = 1L << 30;
    /** The most arguments one staged command may have (Redis caps the multibulk count at 1024*1024 too). */
    static final int MAX_ARGUMENTS = 1 << 20;

    private final List<byte[]> arguments = new ArrayList<>();
    private long total;
    /** Bytes of the last argument filled so far. */
    private int filled;

    /**
     * Appends {@code piece} at {@code offset} of an argument of {@code length} bytes: offset 0 starts a new
     * argument, any other offset continues the last one where it stopped.
     *
     * @throws Wire.MalformedException naming what was wrong; everything staged is dropped
     */
    void append(long length, long offset, byte[] piece) {
        try {
            if (offset == 0) {
                start(length);
            } else if (arguments.isEmpty() || offset != filled || length != last().length) {
                throw new Wire.MalformedException("staged piece at offset " + offset + " of " + length
                        + " bytes does not continue the argument being staged");
            }
            byte[] arg = last();
            if (piece.length > arg.length - filled) {
                throw new Wire.MalformedException("staged piece of " + piece.length + " bytes overruns its argument ("
                        + (arg.length - filled) + " bytes left)");
            }
            System.arraycopy(piece, 0, arg, filled, piece.length);
            filled += piece.length;
        } catch (Wire.MalformedException e) {
            clear();
            throw e;
        }
    }

    private void start(long length) {
        if (!arguments.isEmpty() && filled != last().length) {
            throw new Wire.MalformedException("a new staged argument starts before the last one is complete");
        }
        if (length < 0 || length > CommandEngine.MAX_STRING) {
            throw new Wire.MalformedException("staged argument of " + Long.toUnsignedString(length)
                    + " bytes: the longest is proto-max-bulk-len (" + CommandEngine.MAX_STRING + ")");
        }
        if (length > MAX_TOTAL - total || arguments.size() == MAX_ARGUMENTS) {
            throw new Wire.MalformedException("staged command exceeds the query buffer limit (" + MAX_TOTAL + " bytes, "
                    + MAX_ARGUMENTS + " arguments)");
        }
        arguments.add(new byte[(int) length]);
        total += length;
        filled = 0;
    }

    private byte[] last() {
        return arguments.get(arguments.size() - 1);
    }

    /**
     * The staged command's arguments, which leave the area empty.
     *
     * @throws Wire.MalformedException if nothing is staged or its last argument is incomplete
     */
    List<byte[]> take() {
        if (arguments.isEmpty() || filled != last().length) {
            String why = arguments.isEmpty()
                    ? "no command is staged"
                    : "the staged command's last argument has " + filled + " of its " + last().length + " bytes";
            clear();
            throw new Wire.MalformedException(why);
        }
        List<byte[]> argv = List.copyOf(arguments);
        arguments.clear();
        total = 0;
        filled = 0;
        return argv;
    }

    /** Drops (and zeroes) whatever is staged. */
    void clear() {
        for (byte[] a : arguments) {
            Arrays.fill(a, (byte) 0);
        }
        arguments.clear();
        total = 0;
        filled = 0;
    }
}
