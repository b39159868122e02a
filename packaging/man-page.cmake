# Writes the gzipped man page of one algreg command with help2man, from the program's own
# --help and --version (run at build time by the algreg_man_pages target):
#   cmake -DALGREG=<binary> -DCOMMAND=<name or empty for algreg(1)> -DALL="index;search;…"
#         -DOUTPUT=<dir> -P man-page.cmake
# The NAME line of a command's page is its line in the "Commands:" table of `algreg --help`,
# so a new command needs no text here.
execute_process(COMMAND "${ALGREG}" --version OUTPUT_VARIABLE version_line
                COMMAND_ERROR_IS_FATAL ANY)
string(REGEX REPLACE "^algreg ([^\n]+)\n?$" "\\1" version "${version_line}")
execute_process(COMMAND "${ALGREG}" --help OUTPUT_VARIABLE usage COMMAND_ERROR_IS_FATAL ANY)

set(see_also "")
foreach(other IN LISTS ALL)
    if(NOT other STREQUAL COMMAND)
        string(APPEND see_also ".BR algreg-${other} (1),\n")
    endif()
endforeach()
if(COMMAND)
    set(page "algreg-${COMMAND}")
    string(REGEX MATCH "\n  ${COMMAND} +([^\n]+)" line "${usage}")
    if(NOT line)
        message(FATAL_ERROR "`algreg --help` lists no command '${COMMAND}'")
    endif()
    set(name "${CMAKE_MATCH_1}")
    set(help_option "${COMMAND} --help")
    string(PREPEND see_also ".BR algreg (1),\n")
else()
    set(page "algreg")
    set(name "search, watch and check the Dutch Algorithm Register")
    set(help_option "--help")
endif()
string(REGEX REPLACE ",\n$" "\n" see_also "${see_also}")
file(WRITE "${OUTPUT}/${page}.h2m" "[SEE ALSO]\n${see_also}")

find_program(HELP2MAN help2man REQUIRED)
execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 "--name=${name}"
            "--version-string=${page} ${version}" "--help-option=${help_option}"
            "--include=${OUTPUT}/${page}.h2m" "--output=${OUTPUT}/${page}.1" "${ALGREG}"
    COMMAND_ERROR_IS_FATAL ANY)
# Debian policy: man pages compressed with gzip -9, without name and time stamp (-n).
execute_process(COMMAND gzip -9nf "${OUTPUT}/${page}.1" COMMAND_ERROR_IS_FATAL ANY)
