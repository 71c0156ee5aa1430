package app.marquee.accounts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.jspecify.annotations.Nullable;

/**
 * A JPA converter that stores a String column encrypted ({@link FieldEncryption}). Put
 * {@code @Convert(converter = EncryptedString.class)} on a sensitive field of any module's entity.
 * Hibernate gets it from the Spring context, so the key is the application's.
 */
@Converter
public final class EncryptedString implements AttributeConverter<String, String> {

    private final FieldEncryption encryption;

    public EncryptedString(FieldEncryption encryption) {
        this.encryption = encryption;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable String clear) {
        return clear == null ? null : encryption.encrypt(clear);
    }

    @Override
    public @Nullable String convertToEntityAttribute(@Nullable String stored) {
        return stored == null ? null : encryption.decrypt(stored);
    }
}
