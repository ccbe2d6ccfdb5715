package org.parley.account.service;

import org.parley.account.domain.UserAccountRepository;
import org.parley.base.service.SignedInUser;
import org.parley.base.service.TextRules;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in by user name, ignoring case, as it was registered. */
@Service
@Transactional(readOnly = true)
class ParleyUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    ParleyUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsernameKey(TextRules.searchKey(username))
                .map(a -> new SignedInUser(a.getId(), a.getUsername(), a.getPasswordHash(), !a.isDisabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
