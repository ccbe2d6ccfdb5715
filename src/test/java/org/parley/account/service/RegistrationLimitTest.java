package org.parley.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.support.LowLimits;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** One address creates only so many accounts (here 2 an hour); nothing is stored for a refused one. */
@LowLimits
class RegistrationLimitTest {

    @Autowired
    AccountService accounts;

    @Test
    void an_address_that_created_its_allowance_of_accounts_is_refused_the_next() {
        String address = TestUsers.newAddress();
        accounts.register(TestUsers.uniqueName("first"), "First", TestUsers.PASSWORD, address);
        accounts.register(TestUsers.uniqueName("second"), "Second", TestUsers.PASSWORD, address);

        String third = TestUsers.uniqueName("third");
        assertThatThrownBy(() -> accounts.register(third, "Third", TestUsers.PASSWORD, address))
                .isInstanceOf(TooManyAttemptsException.class)
                .hasMessage("Too many new accounts from your address; try again in 30 minutes.");

        // The refused name was not taken: registering it from elsewhere works.
        assertThat(accounts.register(third, "Third", TestUsers.PASSWORD, TestUsers.newAddress())
                        .username())
                .isEqualTo(third);
    }

    @Test
    void a_registration_refused_for_its_input_does_not_use_up_the_allowance() {
        String address = TestUsers.newAddress();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> accounts.register("x", "Too short", TestUsers.PASSWORD, address))
                    .isNotInstanceOf(TooManyAttemptsException.class);
        }
        accounts.register(TestUsers.uniqueName("fine"), "Fine", TestUsers.PASSWORD, address);
    }
}
