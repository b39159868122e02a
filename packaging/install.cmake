# Installation and the Debian package (included by the top-level CMakeLists.txt).
#   cmake --install build/<preset>           the files below under CMAKE_INSTALL_PREFIX
#   cd build/package && cpack -G DEB         algreg_<version>_<arch>.deb (+ -dbgsym .ddeb)
# Layout (prefix /usr): bin/algreg; share/algreg/register/ (the bundled register) and
# share/algreg/static/ (web UI), found by the program relative to itself (search/data_dir.h);
# share/man/man1/; lib/systemd/system/; /etc/default/algreg.
include(GNUInstallDirs)

set(ALGREG_DATA_DESTINATION "${CMAKE_INSTALL_DATADIR}/algreg")
set(ALGREG_BINDIR "${CMAKE_INSTALL_FULL_BINDIR}")
set(ALGREG_SYSCONFDIR "${CMAKE_INSTALL_FULL_SYSCONFDIR}") # /etc for prefix /usr

install(TARGETS algreg RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
# What `algreg serve` indexes on its first start, and `algreg index`'s abbreviation list and
# ministry table.
install(FILES fixtures/register-history.jsonl fixtures/register-2026-08-08.json
              fixtures/assessments-2023-06-19.csv fixtures/abbreviations-nl.tsv
              fixtures/ministries-nl.tsv
              fixtures/README.md
        DESTINATION "${ALGREG_DATA_DESTINATION}/register")
install(DIRECTORY web/static/ DESTINATION "${ALGREG_DATA_DESTINATION}/static")

# Man pages: algreg(1) and algreg-COMMAND(1) for each command below, written by help2man from
# the program's --help. A new command is one more word here.
set(ALGREG_MAN_COMMANDS index search serve check sync)
if(ALGREG_MAN_PAGES)
    find_program(HELP2MAN help2man)
    if(NOT HELP2MAN)
        message(FATAL_ERROR "help2man not found: install it (bash .ci/setup-deps) or configure "
                            "with -DALGREG_MAN_PAGES=OFF")
    endif()
    set(man_dir "${PROJECT_BINARY_DIR}/man")
    set(man_pages "")
    foreach(command "" ${ALGREG_MAN_COMMANDS})
        set(page "algreg")
        if(command)
            set(page "algreg-${command}")
        endif()
        add_custom_command(
            OUTPUT "${man_dir}/${page}.1.gz"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${man_dir}"
            COMMAND ${CMAKE_COMMAND} "-DALGREG=$<TARGET_FILE:algreg>" "-DCOMMAND=${command}"
                    "-DALL=${ALGREG_MAN_COMMANDS}" "-DOUTPUT=${man_dir}"
                    -P "${PROJECT_SOURCE_DIR}/packaging/man-page.cmake"
            DEPENDS algreg "${PROJECT_SOURCE_DIR}/packaging/man-page.cmake"
            COMMENT "Man page ${page}(1)"
            VERBATIM)
        list(APPEND man_pages "${man_dir}/${page}.1.gz")
    endforeach()
    add_custom_target(algreg_man_pages ALL DEPENDS ${man_pages})
    install(FILES ${man_pages} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endif()

# systemd units and their configuration file (packaging/systemd, docs/operations.md).
foreach(unit algreg.service algreg-sync.service)
    configure_file("packaging/systemd/${unit}.in" "${PROJECT_BINARY_DIR}/systemd/${unit}" @ONLY)
    install(FILES "${PROJECT_BINARY_DIR}/systemd/${unit}" DESTINATION lib/systemd/system)
endforeach()
install(FILES packaging/systemd/algreg-sync.timer DESTINATION lib/systemd/system)
install(FILES packaging/default-algreg DESTINATION "${ALGREG_SYSCONFDIR}/default"
        RENAME algreg)

# The Debian package. Depends: computed by dpkg-shlibdeps from the binary's libraries. The
# binary in the .deb is stripped; its debug symbols go into algreg-dbgsym (a .ddeb), as
# Debian's own packages do (needs a build type with -g: the package preset is RelWithDebInfo).
set(ALGREG_MAINTAINER "algreg developers <algreg@localhost>"
    CACHE STRING "Maintainer field of the Debian package")
set(ALGREG_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (none when empty)")
configure_file(packaging/debian/conffiles.in "${PROJECT_BINARY_DIR}/debian/conffiles" @ONLY)
set(CPACK_PACKAGE_NAME algreg)
# The package installs where this build was configured to (the package preset: /usr), so that
# the paths in the units match.
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${ALGREG_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "search server for the Dutch Algorithm Register (algoritmes.overheid.nl)")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "algreg indexes the exports of the Dutch Algorithm Register into a Xapian index and serves "
    "it: Dutch full-text search with exact facets, an HTTP API of its own and one compatible "
    "with the official register's, a web UI, the register's history of changes and "
    "completeness checks. The package bundles a real copy of the register, indexed on the "
    "first start of algreg.service.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ALGREG_MAINTAINER}")
if(ALGREG_HOMEPAGE)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${ALGREG_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_BINARY_DIR}/debian/conffiles" "${PROJECT_SOURCE_DIR}/packaging/debian/postinst"
    "${PROJECT_SOURCE_DIR}/packaging/debian/prerm" "${PROJECT_SOURCE_DIR}/packaging/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)
