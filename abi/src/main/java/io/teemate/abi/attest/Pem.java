package io.teemate.abi.attest;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** PEM (RFC 7468) certificates: what a quote's PCK_CERT_CHAIN holds and what {@code --root root.pem} names. */
public final class Pem {
    private static final String CERTIFICATE = "CERTIFICATE";

    private Pem() {}

    public static String encode(X509Certificate certificate) {
        return encode(List.of(certificate));
    }

    /** The certificates as consecutive PEM blocks, in the order given. */
    public static String encode(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (PemWriter w = new PemWriter(text)) {
            for (X509Certificate c : certificates) {
                w.writeObject(new PemObject(CERTIFICATE, c.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Every CERTIFICATE block of {@code pem}, in order. Refuses text with no certificate, a block of another type
     * and a block that is not a DER X.509 certificate, naming the block (1-based).
     */
    public static List<X509Certificate> decodeAll(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        try (PemReader r = new PemReader(new StringReader(pem))) {
            PemObject o;
            while ((o = r.readPemObject()) != null) {
                int n = out.size() + 1;
                if (!CERTIFICATE.equals(o.getType())) {
                    throw new IllegalArgumentException(
                            "PEM block " + n + " is a " + o.getType() + ", not a CERTIFICATE");
                }
                out.add(certificate(o.getContent(), "PEM block " + n));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "malformed PEM after " + out.size() + " certificate(s): " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no PEM CERTIFICATE block found");
        }
        return out;
    }

    /** The single certificate of {@code pem}; more than one is an error (which one would be meant?). */
    public static X509Certificate decode(String pem) {
        List<X509Certificate> all = decodeAll(pem);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one certificate, the PEM holds " + all.size());
        }
        return all.get(0);
    }

    static X509Certificate certificate(byte[] der, String what) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(what + " is not an X.509 certificate: " + e.getMessage(), e);
        }
    }
}
