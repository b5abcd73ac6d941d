/**
 * Confidential serverless: WebAssembly functions whose instances are isolates in enclave memory. {@code enclave}
 * holds what runs inside (the {@code wasm} container program on Chicory, linear memory in enclave pages, the
 * per-enclave module cache); {@code host} holds the platform that deploys modules as container images and pools
 * their instances in either mode, behind the {@link io.teemate.faas.host.FunctionPlatform} interface the gateway
 * uses. {@link io.teemate.faas.enclave.WasmAbi} is the call interface between the two.
 */
package io.teemate.faas;
