package io.teemate.abi.image;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as manifests write them: a number of bytes, or a number with a binary suffix K, M or G
 * (1K = 1024 bytes), as Gramine's {@code sgx.enclave_size = "64M"} does.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})([KMG]?)");

    private Sizes() {}

    /**
     * The number of bytes {@code text} stands for ("4096", "64K", "16M", "1G"; suffixes are case-insensitive).
     *
     * @throws IllegalArgumentException if it is not a size, or does not fit in a signed 64-bit number
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (use bytes or K/M/G)");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too large");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        if (shift > 0 && value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("\"" + text + "\" is too large");
        }
        return value << shift;
    }

    /** The shortest exact way to write {@code bytes}: "64M" rather than "65536K". */
    public static String format(long bytes) {
        if (bytes != 0) {
            for (var unit : new Object[][] {{30, "G"}, {20, "M"}, {10, "K"}}) {
                int shift = (Integer) unit[0];
                if ((bytes & ((1L << shift) - 1)) == 0) {
                    return (bytes >> shift) + (String) unit[1];
                }
            }
        }
        return Long.toString(bytes);
    }
}
