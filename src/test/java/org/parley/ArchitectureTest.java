package org.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** Keeps the layers apart: views never reach repositories, services never reach views. */
class ArchitectureTest {

    private static final String ROOT = "org.parley";
    private final JavaClasses classes = new ClassFileImporter()
            // Test classes live in any "*test-classes" folder (builds may use their own build directory).
            .withImportOption(location -> !location.contains("test-classes/"))
            .importPackages(ROOT);

    @Test
    void repositories_are_used_only_by_domain_and_services() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage(ROOT + "..domain..", ROOT + "..service..")
                .check(classes);
    }

    @Test
    void views_do_not_touch_entities_or_repositories() {
        // Value types of the domain (enums such as a group's join policy) are fine to show; entities are not.
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..ui..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(classes);
    }

    @Test
    void services_do_not_depend_on_views() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..service..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + "..ui..")
                .check(classes);
    }

    @Test
    void domain_depends_on_neither_services_nor_views() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + "..service..", ROOT + "..ui..")
                .check(classes);
    }

    @Test
    void services_and_domain_do_not_use_vaadin() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + "..service..", ROOT + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void views_reach_users_only_through_services_that_check_the_caller() {
        // service.internal answers about any user id without asking who wants to know (AccountDirectory,
        // FriendGraph): only services, having decided the caller may know, use it.
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + "..service.internal..")
                .check(classes);
    }

    @Test
    void conversation_membership_is_changed_only_by_services() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..ui..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".chat.service.ConversationMembership")
                .check(classes);
    }

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
