/**
 * Enclave and container images (docs/manifests.md). Loader side: {@link io.teemate.enclave.image.EnclaveManifest}
 * and {@link io.teemate.enclave.image.ContainerManifest} read JSON manifests,
 * {@link io.teemate.enclave.image.EnclaveImageLayout} turns an enclave manifest and its runtime's code into the
 * pages MRENCLAVE measures, {@link io.teemate.enclave.image.SigningKeys} reads the owner's key and
 * {@link io.teemate.enclave.image.ContainerPolicy} lists the containers the owner lets in. Trusted side: the
 * runtime reads {@link io.teemate.enclave.image.EnclaveConfig} from its own measured pages, hashes the container
 * manifest bytes the host hands it ({@link io.teemate.enclave.image.ContainerManifest#digestOf}) and checks
 * them against a policy verified for its own MRENCLAVE and MRSIGNER.
 */
package io.teemate.enclave.image;
