/**
 * The trusted side: code that runs only after EENTER. For now it holds {@link io.teemate.enclave.hello.HelloEnclave},
 * the enclave the demo builds; the container runtime (entry dispatch, identity, heap, sealing) arrives with its issue.
 */
package io.teemate.enclave;
