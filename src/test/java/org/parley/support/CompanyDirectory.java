package org.parley.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;

/**
 * A real LDAP directory for the tests: UnboundID's in-memory server, listening on a loopback port in this JVM, with
 * the people of "Acme" under ou=people,dc=acme,dc=test (inetOrgPerson: uid, cn, displayName, mail, userPassword).
 */
public final class CompanyDirectory {

    public static final String BASE = "dc=acme,dc=test";
    public static final String PASSWORD = "directory password";

    private static CompanyDirectory running;

    private final InMemoryDirectoryServer server;

    private CompanyDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** The directory, started on first use and kept for the rest of the test run. */
    public static synchronized CompanyDirectory running() {
        if (running == null) {
            try {
                InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
                config.setListenerConfigs(
                        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
                InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
                server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: acme");
                server.add(
                        "dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
                server.startListening();
                running = new CompanyDirectory(server);
            } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
                throw new IllegalStateException("The test directory did not start", e);
            }
        }
        return running;
    }

    /** Where Parley finds it: {@code parley.ldap.url}. */
    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort() + "/" + BASE;
    }

    /** A person in the directory, who signs in with {@link #PASSWORD}. */
    public void addPerson(String uid, String displayName, String email) {
        try {
            server.add(
                    "dn: uid=" + uid + ",ou=people," + BASE,
                    "objectClass: top",
                    "objectClass: person",
                    "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: " + displayName,
                    "sn: " + displayName,
                    "displayName: " + displayName,
                    "mail: " + email,
                    "userPassword: " + PASSWORD);
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }
}
