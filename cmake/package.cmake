# The Debian package: `cmake --build build --target deb` (scripts/package) builds the programs and
# their man pages and runs cpack, which writes build/newsdex_<version>_<arch>.deb holding the
# programs in /usr/bin, man pages made from their --help, /etc/newsdex/newsdex.toml as a conffile,
# the systemd units pointing at /usr/bin, and maintainer scripts (packaging/) that create the
# newsdex system user. Everything only the package holds is in the install component "deb",
# excluded from a plain `cmake --install`, which still installs just the programs under its prefix.
# The package installs to /usr whatever CMAKE_INSTALL_PREFIX the build folder has.
set(NEWSDEX_PACKAGE_PREFIX /usr)
set(NEWSDEX_SYSTEMD_UNIT_DIR /lib/systemd/system)

# Man pages: help2man runs each program's --help after it is built, so a page can only say what
# --help says. newsdex-parse-helper has none: it is run by the indexer, never by a person.
find_program(HELP2MAN help2man)
set(man_dir ${CMAKE_BINARY_DIR}/man)
set(man_pages)
foreach(entry IN ITEMS
    "newsdex-indexer|keep a Xapian index in step with a directory of news documents"
    "newsdex-searchd|search server for a newsdex index (HTTP/JSON and NDJSON socket)"
    "newsdex|command-line client of newsdex-searchd")
  string(REPLACE "|" ";" entry "${entry}")
  list(GET entry 0 program)
  list(GET entry 1 summary)
  add_custom_command(
    OUTPUT ${man_dir}/${program}.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir}
    COMMAND ${HELP2MAN} --no-info --version-string=${PROJECT_VERSION} --name=${summary}
            --section=1 --output=${man_dir}/${program}.1 $<TARGET_FILE:${program}>
    COMMAND gzip -9nf ${man_dir}/${program}.1
    DEPENDS ${program}
    COMMENT "Man page of ${program} from its --help"
    VERBATIM)
  list(APPEND man_pages ${man_dir}/${program}.1.gz)
endforeach()
add_custom_target(man_pages DEPENDS ${man_pages})
install(FILES ${man_pages} DESTINATION share/man/man1 COMPONENT deb EXCLUDE_FROM_ALL)

# The configuration as shipped (its [paths] match the units) and the units, with ExecStart at the
# installed programs rather than the /usr/local of a hand install.
install(FILES ${CMAKE_SOURCE_DIR}/config/newsdex.toml DESTINATION /etc/newsdex COMPONENT deb
        EXCLUDE_FROM_ALL)
file(GLOB units CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/systemd/*.service)
foreach(unit IN LISTS units)
  get_filename_component(name ${unit} NAME)
  file(READ ${unit} text)
  string(REPLACE "/usr/local/bin/" "${NEWSDEX_PACKAGE_PREFIX}/bin/" text "${text}")
  # The hand-install steps in the header are what the package has done.
  string(REGEX REPLACE "# Install: [^\n]*\n(#          [^\n]*\n)*"
         "# Installed by the newsdex package, whose postinst made the user: set [paths] in\n# /etc/newsdex/newsdex.toml, then systemctl enable --now newsdex-indexer newsdex-searchd\n"
         text "${text}")
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/systemd/${name} CONTENT "${text}")
  install(FILES ${CMAKE_BINARY_DIR}/systemd/${name} DESTINATION ${NEWSDEX_SYSTEMD_UNIT_DIR}
          COMPONENT deb EXCLUDE_FROM_ALL)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME newsdex)
set(CPACK_PACKAGE_VENDOR "newsdex")
set(CPACK_PACKAGE_CONTACT "newsdex maintainers <newsdex@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search server for newsrooms")
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "newsdex-indexer keeps a Xapian index in step with a directory of news articles"
  "(txt, md, html, json, pdf); newsdex-searchd answers JSON searches over HTTP and"
  "a unix socket, with snippets, facets of people, organisations and places, and"
  "wire-story versions; newsdex is the command-line client.")
# Installed with DESTDIR and prefix /usr, so the absolute /etc and /lib destinations land in the
# package; both the default component (the programs) and "deb" go in.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX ${NEWSDEX_PACKAGE_PREFIX})
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${CMAKE_BINARY_DIR};newsdex;Unspecified;/" "${CMAKE_BINARY_DIR};newsdex;deb;/")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
# Depends: the shared libraries' packages, as dpkg-shlibdeps finds them, plus adduser for postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
# xapian-replicate(-server) for the replica units.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xapian-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/conffiles ${CMAKE_SOURCE_DIR}/packaging/postinst
    ${CMAKE_SOURCE_DIR}/packaging/prerm ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR})
include(CPack)

# cpack installs what is built; this builds what the package holds first.
if(HELP2MAN)
  add_custom_target(deb
    COMMAND ${CMAKE_CPACK_COMMAND} --config ${CMAKE_BINARY_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
    COMMENT "Debian package in ${CMAKE_BINARY_DIR}"
    VERBATIM)
  add_dependencies(deb newsdex-indexer newsdex-parse-helper newsdex-searchd newsdex man_pages)
else()
  add_custom_target(deb COMMAND ${CMAKE_COMMAND} -E echo "deb: help2man is missing (scripts/setup installs it)"
                        COMMAND ${CMAKE_COMMAND} -E false)
endif()
