package app.marquee.accounts.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import app.marquee.accounts.Role;

/** Stores a {@link Role} as its wire value, which the table's check constraint allows. */
@Converter
class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role.value();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return Role.of(value);
    }
}
