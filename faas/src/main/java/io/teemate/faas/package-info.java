/**
 * Confidential serverless: WebAssembly functions whose instances are isolates in enclave memory. {@code enclave}
 * holds what runs inside (the {@code wasm} container program on Chicory, linear memory in enclave pages, the
 * per-enclave module cache); {@code host} holds the platform that deploys modules as container images and pools
 * their instances in either mode, behind the {@link io.teemate.faas.host.FunctionPlatform} interface the gateway
 * uses. {@code abi} is what the two halves share: the call interface ({@link io.teemate.faas.abi.WasmAbi}), the
 * engine names and the module limits both apply. The host half uses only {@code abi} of this module and reaches the
 * enclave half through the trusted runtime's ecalls (except where it still registers the enclave's programs itself
 * when it builds the enclave image: see docs/architecture.md).
 */
package io.teemate.faas;
