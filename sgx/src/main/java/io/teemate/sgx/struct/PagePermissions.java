package io.teemate.sgx.struct;

/** SDM Vol.3D SECINFO.FLAGS R/W/X bits 0..2 [SDM-1781] / Linux arch/x86/include/asm/sgx.h SGX_SECINFO_R/W/X; sgx.md section 3. */
public record PagePermissions(boolean read, boolean write, boolean execute) {
    public static final int BIT_R = 1;
    public static final int BIT_W = 2;
    public static final int BIT_X = 4;

    public static final PagePermissions NONE = new PagePermissions(false, false, false);
    public static final PagePermissions R = new PagePermissions(true, false, false);
    public static final PagePermissions RW = new PagePermissions(true, true, false);
    public static final PagePermissions RX = new PagePermissions(true, false, true);
    public static final PagePermissions RWX = new PagePermissions(true, true, true);
    private static final PagePermissions[] BY_BITS = {
        NONE,
        R,
        new PagePermissions(false, true, false),
        RW,
        new PagePermissions(false, false, true),
        RX,
        new PagePermissions(false, true, true),
        RWX
    };

    /** R=1, W=2, X=4. */
    public int bits() {
        return (read ? BIT_R : 0) | (write ? BIT_W : 0) | (execute ? BIT_X : 0);
    }

    /** Inverse of {@link #bits()}; any bit other than 0..2 is rejected with IllegalArgumentException. */
    public static PagePermissions fromBits(int bits) {
        if ((bits & ~(BIT_R | BIT_W | BIT_X)) != 0) {
            throw new IllegalArgumentException(
                    "permission bits 0x" + Integer.toHexString(bits) + " have bits outside R|W|X (0x7)");
        }
        return BY_BITS[bits];
    }

    /**
     * Parses any of the letters R, W, X in any order, case-insensitive; "" means no permission.
     * Any other character (including '-') or a repeated letter is rejected with IllegalArgumentException naming it.
     */
    public static PagePermissions parse(String text) {
        boolean r = false;
        boolean w = false;
        boolean x = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean already;
            switch (Character.toUpperCase(c)) {
                case 'R' -> {
                    already = r;
                    r = true;
                }
                case 'W' -> {
                    already = w;
                    w = true;
                }
                case 'X' -> {
                    already = x;
                    x = true;
                }
                default ->
                    throw new IllegalArgumentException("bad permission character '" + c + "' at index " + i + " in \""
                            + text + "\" (expected letters R, W, X)");
            }
            if (already) {
                throw new IllegalArgumentException(
                        "repeated permission letter '" + c + "' at index " + i + " in \"" + text + "\"");
            }
        }
        return new PagePermissions(r, w, x);
    }

    /** True if every permission in {@code requested} is also granted here. */
    public boolean allows(PagePermissions requested) {
        return (requested.bits() & ~bits()) == 0;
    }

    public PagePermissions and(PagePermissions other) {
        return fromBits(bits() & other.bits());
    }

    public PagePermissions or(PagePermissions other) {
        return fromBits(bits() | other.bits());
    }

    /** "RWX" with '-' for each missing permission, e.g. "RW-", "R-X", "---". */
    @Override
    public String toString() {
        return (read ? "R" : "-") + (write ? "W" : "-") + (execute ? "X" : "-");
    }
}
