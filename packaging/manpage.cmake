# Writes the salvo-cli man page from the program's own --help texts, so the page never drifts
# from the options. Run as: cmake -DCLI=path/to/salvo-cli -DVERSION=x.y.z -DOUT=salvo-cli.1 -P
# manpage.cmake. (help2man reads one --help only; salvo-cli has one per command.)

function(help_of output)
    # salvo-cli speaks the user's language; the page is English whatever the build machine's.
    execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=LANGUAGE LC_ALL=C.UTF-8 ${CLI} ${ARGN}
        OUTPUT_VARIABLE text RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${CLI} ${ARGN} failed: ${status}")
    endif()
    # roff: a backslash is \e, and a line may not start with . or '
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${output} "${text}" PARENT_SCOPE)
endfunction()

help_of(usage --help)
help_of(run_help run --help)
help_of(resume_help resume --help)
help_of(sim_help sim --help)

set(page ".TH SALVO-CLI 1 \"\" \"salvo-cli ${VERSION}\" \"User Commands\"
.SH NAME
salvo-cli \\- run one LLM prompt over every row of a spreadsheet, many calls at once
.SH SYNOPSIS
.B salvo-cli run
\\fIINPUT\\fR \\fB\\-\\-out\\fR \\fIFILE\\fR [\\fIoptions\\fR]
.br
.B salvo-cli resume
\\fIRUNFILE\\fR \\fB\\-\\-out\\fR \\fIFILE\\fR [\\fIoptions\\fR]
.br
.B salvo-cli sim
[\\fIoptions\\fR]
.SH DESCRIPTION
.nf
${usage}
.fi
.SH \"salvo-cli run\"
.nf
${run_help}
.fi
.SH \"salvo-cli resume\"
.nf
${resume_help}
.fi
.SH \"salvo-cli sim\"
.nf
${sim_help}
.fi
.SH ENVIRONMENT
.TP
.B ANTHROPIC_API_KEY
The API key for \\-\\-provider anthropic.
.TP
.B OPENAI_API_KEY
The API key for \\-\\-provider openai and openai-compatible.
.SH EXIT STATUS
0 when every item is ok, 1 when some are not (their errors are in the output), 2 for usage or
input errors.
.SH SEE ALSO
.BR salvo (1)
")
file(WRITE ${OUT} "${page}")
