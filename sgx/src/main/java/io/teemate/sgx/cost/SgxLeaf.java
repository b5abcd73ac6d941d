package io.teemate.sgx.cost;

/**
 * The ENCLS (ring 0) and ENCLU (ring 3) leaves the machine emulates, plus AEX (SDM Vol.3D "SGX Instruction
 * References"; leaf numbers from Linux asm/sgx.h).
 */
public enum SgxLeaf {
    ECREATE,
    EADD,
    EINIT,
    EREMOVE,
    EEXTEND,
    ELDB,
    ELDU,
    EBLOCK,
    EPA,
    EWB,
    ETRACK,
    EAUG,
    EMODPR,
    EMODT,
    EREPORT,
    EGETKEY,
    EENTER,
    ERESUME,
    EEXIT,
    EACCEPT,
    EMODPE,
    EACCEPTCOPY,
    /** Asynchronous enclave exit: not an instruction, but the hardware work of an exception or interrupt in enclave mode. */
    AEX
}
