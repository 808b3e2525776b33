# Writes the gzipped man page of one program from its --help and --version (help2man).
# Called by packaging/CMakeLists.txt with HELP2MAN, GZIP, PROGRAM (the executable), NAME and OUTPUT.
get_filename_component(folder ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${folder})
set(page ${folder}/${NAME}.1)
set(include_file ${folder}/${NAME}.h2m)

# The help names the default database under the reader's own home folder, not the build machine's.
set(ENV{HOME} "~")
unset(ENV{XDG_DATA_HOME})
unset(ENV{XDG_CONFIG_HOME})
file(MAKE_DIRECTORY ${folder}/runtime)
file(CHMOD ${folder}/runtime DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
set(ENV{XDG_RUNTIME_DIR} ${folder}/runtime)

if(NAME STREQUAL "dermdesk")
    set(summary "front desk of an aesthetic-dermatology clinic")
    file(WRITE ${include_file} "[DESCRIPTION]
DermDesk is the desktop program of a small aesthetic-dermatology clinic that performs
microneedling: receptionists book and manage appointments, practitioners review their
schedules and treatment plans, and anyone at the desk prints patient handouts.

[FILES]
.TP
.I ~/.local/share/DermDesk/DermDesk/clinic.dermdesk
the clinic database opened by default (readable by its owner only)
.TP
.I ~/.local/share/DermDesk/DermDesk/demo-clinic.dermdesk
the demo clinic opened by \\fB--demo\\fR

[SEE ALSO]
.BR dermdesk-cli (1)
")
else()
    set(summary "command-line companion of the DermDesk clinic front desk")
    # Every command's own --help, under COMMANDS: the command names are the indented words that
    # follow the "Commands:" line of the overall --help.
    execute_process(COMMAND ${PROGRAM} --help
        OUTPUT_VARIABLE overall RESULT_VARIABLE result
        ENCODING UTF-8)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${PROGRAM} --help failed (${result})")
    endif()
    string(REGEX REPLACE "^.*\nCommands:[^\n]*\n" "" listing "${overall}")
    string(REGEX REPLACE "\n\n.*$" "" listing "${listing}")
    string(REPLACE "\n" ";" lines "${listing}")
    set(commands)
    foreach(line IN LISTS lines)
        if(line MATCHES "^  ([a-z][a-z-]*)  ")
            list(APPEND commands "${CMAKE_MATCH_1}")
        endif()
    endforeach()
    list(REMOVE_DUPLICATES commands)
    set(text "[COMMANDS]\n")
    foreach(command IN LISTS commands)
        execute_process(COMMAND ${PROGRAM} ${command} --help
            OUTPUT_VARIABLE help RESULT_VARIABLE result
            ENCODING UTF-8)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "${PROGRAM} ${command} --help failed (${result})")
        endif()
        # The global options are listed once, in the overall --help.
        string(REGEX REPLACE "\nGlobal options:.*$" "\n" help "${help}")
        string(REPLACE "\\" "\\\\" help "${help}")
        string(REPLACE "\n." "\n\\&." help "${help}")
        string(REPLACE "\n'" "\n\\&'" help "${help}")
        string(APPEND text ".SS ${command}\n.nf\n${help}.fi\n")
    endforeach()
    string(APPEND text "\n[SEE ALSO]\n.BR dermdesk (1)\n")
    file(WRITE ${include_file} "${text}")
endif()

set(ENV{QT_QPA_PLATFORM} offscreen)
# The page is named after the command, whatever the program calls itself in --version.
execute_process(COMMAND ${PROGRAM} --version
    OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT version MATCHES "([0-9][0-9.]*)$")
    message(FATAL_ERROR "${PROGRAM} --version failed (${result}): ${version}")
endif()
execute_process(
    COMMAND ${HELP2MAN} --no-info --section=1 "--version-string=${NAME} ${CMAKE_MATCH_1}"
        --name=${summary} --include=${include_file} --output=${page} ${PROGRAM}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "help2man could not make the man page of ${PROGRAM} (${result})")
endif()
execute_process(COMMAND ${GZIP} -9nf ${page} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip could not compress ${page} (${result})")
endif()
