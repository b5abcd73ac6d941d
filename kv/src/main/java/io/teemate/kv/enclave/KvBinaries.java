package io.teemate.kv.enclave;

import io.teemate.abi.image.EnclaveBinary;

import java.util.List;

/** The database's enclave binary (a ServiceLoader service): the {@code kv} app. */
public final class KvBinaries implements EnclaveBinary.Library {
    @Override
    public List<EnclaveBinary> binaries() {
        return List.of(new KvApp().binary());
    }
}
