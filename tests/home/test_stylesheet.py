"""The stylesheet's structure: no rule hides inside another.

CSS nesting is valid syntax, so a lost closing brace does not make the file invalid:
every later rule silently applies only inside the unclosed one (it happened once,
in a merge). This project writes no nested rules, so any nesting is such a mistake.
"""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[2] / "home" / "static" / "home" / "css" / "quartier.css"


def nested_rules(css):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\"[^\"]*\"|'[^']*'", '""', css)
    stack, problems, prelude = [], [], ""
    for position, character in enumerate(css):
        if character == "{":
            selector = prelude.strip().splitlines()[-1] if prelude.strip() else "?"
            is_at_rule = prelude.strip().startswith("@")
            if not is_at_rule and any(kind == "style" for kind in stack):
                line = css.count("\n", 0, position) + 1
                problems.append(f"line {line}: '{selector}' inside another rule")
            stack.append("at" if is_at_rule else "style")
            prelude = ""
        elif character == "}":
            if stack:
                stack.pop()
            else:
                problems.append(f"line {css.count(chr(10), 0, position) + 1}: '}}' without '{{'")
            prelude = ""
        elif character == ";" and (not stack or stack[-1] == "at"):
            prelude = ""
        else:
            prelude += character
    if stack:
        problems.append(f"{len(stack)} block(s) never closed")
    return problems


def test_no_rule_is_nested_or_left_open():
    assert nested_rules(STYLESHEET.read_text()) == []


def test_the_check_catches_a_lost_brace():
    assert nested_rules(".a { color: red;\n.b { color: blue; }\n") != []
    assert nested_rules("@media print { .a { color: red; } }\n.b { margin: 0; }") == []
