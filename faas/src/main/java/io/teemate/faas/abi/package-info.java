/**
 * The serverless function ABI: what the platform (host, {@code io.teemate.faas.host}) and the Wasm runtime (enclave,
 * {@code io.teemate.faas.enclave}) both speak, the way an SGX SDK's EDL file and its shared headers join two halves.
 * {@link io.teemate.faas.abi.WasmAbi} is the container manifest's fields and the framing of one invocation,
 * {@link io.teemate.faas.abi.WasmEngine} the engine a manifest names, {@link io.teemate.faas.abi.ModuleLimits} the
 * limits on what a module may ask for, which the host checks before it deploys a module and the enclave checks again
 * before it runs one. Nothing here runs in one half only, and nothing here names a class of either half; how a
 * function failed (a trap, its time limit, its memory limit) comes back as the runtime's ecall status
 * ({@link io.teemate.abi.RuntimeAbi.Status}), not as a class of this package.
 */
package io.teemate.faas.abi;
