package io.teemate.abi.image;

import io.teemate.abi.image.SigningKeys.SigningKeyException;
import io.teemate.sgx.sign.SigStructBuilder;
import io.teemate.sgx.sign.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    private static final Path KEYS = Path.of("src", "test", "resources", "keys");

    @TempDir
    Path dir;

    @Test
    void readsOpensslKeysInBothFormatsWithTheIndependentlyComputedMrSigner() throws IOException {
        String expected = Files.readString(KEYS.resolve("openssl-mrsigner.txt")).strip();
        SigningKey pkcs1 = SigningKeys.read(KEYS.resolve("openssl-pkcs1.pem"));
        SigningKey pkcs8 = SigningKeys.read(KEYS.resolve("openssl-pkcs8.pem"));
        assertThat(HexFormat.of().formatHex(SigStructBuilder.mrSigner(pkcs1))).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(SigStructBuilder.mrSigner(pkcs8))).isEqualTo(expected);
        assertThat(pkcs1.privateKey().getEncoded()).isEqualTo(pkcs8.privateKey().getEncoded());
    }

    @Test
    void writesPkcs1ThatReadsBackAndOpensslAlsoWrites() throws IOException {
        SigningKey key = SigningKeys.read(KEYS.resolve("openssl-pkcs8.pem"));
        assertThat(SigningKeys.toPem(key))
                .isEqualToIgnoringNewLines(Files.readString(KEYS.resolve("openssl-pkcs1.pem")));
        Path file = dir.resolve("key.pem");
        SigningKeys.write(file, key);
        assertThat(Files.readString(file)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(SigStructBuilder.mrSigner(SigningKeys.read(file))).isEqualTo(SigStructBuilder.mrSigner(key));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "precious");
        assertThatThrownBy(() -> SigningKeys.write(file, SigningKeys.read(KEYS.resolve("openssl-pkcs1.pem"))))
                .isInstanceOf(SigningKeyException.class)
                .hasMessage(file + ": already exists; a key file is never overwritten");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rsa2048-e3.pem | is a 2048-bit RSA key; SGX needs RSA-3072",
                "rsa3072-e65537.pem | has public exponent 65537; SGX needs 3",
                "public.pem | holds a public key, signing needs the private key",
                "ec.pem | is not an RSA key",
                "encrypted-pkcs1.pem | the key is encrypted",
                "encrypted-pkcs8.pem | the key is encrypted",
                "README.md | not a PEM file"
            })
    void unusableKeysAreRefusedWithTheReason(String file, String reason) {
        Path path = KEYS.resolve(file);
        assertThatThrownBy(() -> SigningKeys.read(path))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageStartingWith(path + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void brokenPemIsRefused() throws IOException {
        Path truncated = dir.resolve("truncated.pem");
        String pem = Files.readString(KEYS.resolve("openssl-pkcs1.pem"));
        Files.writeString(truncated, pem.substring(0, pem.length() / 2));
        assertThatThrownBy(() -> SigningKeys.read(truncated))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageStartingWith(truncated + ": not a PEM file");
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKeys.read(garbage))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("does not decode");
        assertThatThrownBy(() -> SigningKeys.read(dir.resolve("none.pem")))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("cannot read the key file");
    }
}
