package io.teemate.host.driver;

/** Where a shared enclave lives: every process maps it at exactly these addresses (EPCM checks the linear address). */
public record EnclaveLocation(long id, long base, long size) {}
