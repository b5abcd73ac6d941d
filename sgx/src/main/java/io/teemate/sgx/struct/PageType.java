package io.teemate.sgx.struct;

/** SDM Vol.3D EPCM/SECINFO PAGE_TYPE [SDM-1781] / Linux arch/x86/include/asm/sgx.h enum sgx_page_type (PT_SECS 0 .. PT_TRIM 4); sgx.md section 3. */
public enum PageType {
    SECS(0),
    TCS(1),
    REG(2),
    VA(3),
    TRIM(4);

    private final int code;
    private static final PageType[] BY_CODE = values();

    PageType(int code) {
        this.code = code;
    }

    /** The architectural PT_* value. */
    public int code() {
        return code;
    }

    /** Decodes a PT_* value; unknown codes are rejected with IllegalArgumentException. */
    public static PageType fromCode(int code) {
        for (PageType t : BY_CODE) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown SGX page type code " + code);
    }
}
