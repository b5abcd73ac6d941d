/**
 * Enclave and container images (docs/manifests.md). Loader side: {@link io.teemate.abi.image.EnclaveManifest}
 * and {@link io.teemate.abi.image.ContainerManifest} read JSON manifests,
 * {@link io.teemate.abi.image.EnclaveImageLayout} turns an enclave manifest and its runtime's code into the
 * pages MRENCLAVE measures, {@link io.teemate.abi.image.SigningKeys} reads the owner's key and
 * {@link io.teemate.abi.image.ContainerPolicy} lists the containers the owner lets in. Trusted side: the
 * runtime reads {@link io.teemate.abi.image.EnclaveConfig} from its own measured pages, hashes the container
 * manifest bytes the host hands it ({@link io.teemate.abi.image.ContainerManifest#digestOf}) and checks
 * them against a policy verified for its own MRENCLAVE and MRSIGNER.
 */
package io.teemate.abi.image;
