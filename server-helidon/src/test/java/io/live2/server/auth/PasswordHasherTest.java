package io.live2.server.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher h = new PasswordHasher(1024, 1); // small parameters: the format and the checks, not the cost

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedAndSelfDescribing() {
        String a = h.hash("correct horse battery");
        assertTrue(a.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), a);
        assertTrue(h.verify("correct horse battery", a));
        assertFalse(h.verify("correct horse batterz", a));
        assertNotEquals(a, h.hash("correct horse battery"), "a new salt each time");
        assertFalse(a.contains("correct"));
        // a hash made with other parameters still verifies: they are read from the string
        assertTrue(PasswordHasher.owaspDefaults().verify("correct horse battery", a));
    }

    @Test
    void malformedStoredHashesAreAFalseNotAnException() {
        for (String bad : new String[]{"", "$", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x,t=1,p=1$AA$AA", "plain"}) {
            assertFalse(h.verify("pw", bad), bad);
        }
    }
}
