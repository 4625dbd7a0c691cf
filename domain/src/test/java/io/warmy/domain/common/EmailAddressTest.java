package io.warmy.domain.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {

    @ParameterizedTest(name = "''{0}'' normalises to {1}")
    @CsvSource({
            "anna@acme.example, anna@acme.example",
            "'  Anna.Smith@ACME.Example ', anna.smith@acme.example",
            "o'brien+tag@mail.co.uk, o'brien+tag@mail.co.uk",
    })
    void addressesAreTrimmedAndLowerCased(String raw, String normalised) {
        EmailAddress e = new EmailAddress(raw);
        assertThat(e.value()).isEqualTo(normalised);
        assertThat(e).isEqualTo(new EmailAddress(normalised));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "anna", "anna@", "@acme.example", "anna@acme", "anna@@acme.example",
            "anna smith@acme.example", "anna@-acme.example", "anna@acme..example", "anna@acme.example'; DROP TABLE x;--"})
    void malformedAddressesAreRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw, "prospectEmail"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("prospectEmail"));
    }

    @org.junit.jupiter.api.Test
    void theDomainIsThePartAfterTheAt() {
        assertThat(new EmailAddress("Anna@Mail.Acme.Example").domain()).isEqualTo("mail.acme.example");
    }
}
