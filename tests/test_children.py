"""Which child an answer belongs to (parsers/children.py): decided from the order of the form's questions.

Each test gives the questions as a form asks them — (the item's place, its section, the child's field the
label asks, or None when the label's words are not recognised) — and checks the child each one goes to.
"""

from types import SimpleNamespace

from parsers.children import segments, settle, widget_number


def q(place, asks, section="child"):
    return (place, section, asks)


def test_two_children_asked_one_after_the_other():
    questions = [q(1, "child.name"), q(2, "child.dob"), q(3, "child.gender"),
                 q(4, "child.name"), q(5, "child.dob"), q(6, "child.gender")]
    assert segments(questions, []) == [0, 0, 0, 1, 1, 1]


def test_a_second_child_whose_name_label_is_not_recognised_keeps_its_name():
    # 'Name of sibling' is not known: the date of birth asked again starts the second child, and the child
    # starts one question before it, as the first child's date of birth stood one question after its start
    questions = [q(1, "child.name"), q(2, "child.dob"), q(3, "child.gender"),
                 q(4, None), q(5, "child.dob"), q(6, "child.gender")]
    assert segments(questions, []) == [0, 0, 0, 1, 1, 1]


def test_an_address_asked_twice_for_one_child_is_still_one_child():
    questions = [q(1, "child.name"), q(2, "child.dob"), q(3, "child.address"),
                 q(4, "child.address"), q(5, "child.gender"), q(6, "child.school")]
    assert segments(questions, []) == [0] * 6


def test_a_label_and_its_colon_less_twin_on_one_line_are_one_question():
    questions = [q(1, "child.name"), q(1, "child.name"), q(2, "child.dob"), q(2, "child.dob")]
    assert segments(questions, []) == [0, 0, 0, 0]


def test_a_childs_own_section_heading_says_where_the_second_child_starts():
    # two unknown labels open the second child's section ("Child 2" heading at place 4)
    questions = [q(1, "child.name"), q(2, "child.dob"), q(3, "child.gender"),
                 q(5, None), q(6, None), q(7, "child.dob"), q(8, "child.gender")]
    assert segments(questions, [4]) == [0, 0, 0, 1, 1, 1, 1]
    # without the heading the second child starts one question before its date of birth
    assert segments(questions, []) == [0, 0, 0, 0, 1, 1, 1]


def test_two_childrens_questions_set_side_by_side_go_to_the_first_child_not_yet_asked():
    # a fillable form in two columns read across: names, then both dates of birth, then both genders
    order = ["child.forename", "child.surname", "child.dob", "child.forename", "child.surname", "child.dob",
             "child.age", "child.gender", "child.address", "child.age", "child.gender", "child.address"]
    questions = [q(i, f) for i, f in enumerate(order)]
    assert segments(questions, []) == [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]


def test_labels_outside_the_childrens_questions_go_with_the_child_read_where_they_stand():
    questions = [q(1, "child.name"), q(2, "child.dob"), q(3, None, section="referrer"),
                 q(4, "child.name"), q(5, "child.dob"), q(6, None, section="incident")]
    assert segments(questions, []) == [0, 0, 0, 1, 1, 1]


def test_a_fillable_fields_number_counts_children_only_beside_the_same_name_unnumbered():
    assert widget_number("form1[0].Page1[0].ChildName_2[0]") == ("childname", 2)
    assert widget_number("child gender 2") == ("child gender", 2)
    assert widget_number("ChildName[0]") == ("childname", None)

    def widget(hint):
        item = SimpleNamespace(n=0, section="child", hint=hint)
        return SimpleNamespace(field="child.name", relation="widget", child=0, score=0.9, fit=1,
                               label=SimpleNamespace(item=item))

    named = [widget("ChildName[0]"), widget("ChildName_2[0]"), widget("ChildName_3[0]")]
    settle(named, [])
    assert [c.child for c in named] == [0, 1, 2]
    generic = [widget("Text1"), widget("Text2"), widget("Text3")]   # numbered fields that number no child
    settle(generic, [])
    assert [c.child for c in generic] == [0, 0, 0]


def test_a_parents_date_of_birth_before_the_next_childs_name_stays_with_the_child_before():
    # 'Name of parent/carer' (not read as a child's name) and 'Parent's date of birth' close the first child's
    # section; the second child's own section ("Child 2", place 7) starts with its name
    questions = [q(1, "child.forename"), q(2, "child.surname"), q(3, "child.dob"), q(4, "child.gender"),
                 q(5, None), q(6, "child.dob"),
                 q(8, "child.forename"), q(9, "child.surname"), q(10, "child.dob"), q(11, "child.gender")]
    assert segments(questions, [7]) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]


def test_a_label_answer_label_answer_row_is_no_grid_of_children():
    # Two children's sections, each a table of 'Name of child | Jakub | Father's DOB | 06.02.1968' rows. Reading
    # across, the cells to the right of 'Name of child' look like a second column of answers, but an unlikely one:
    # the answer beside each label stays with the child whose section it is in (it was forced to the first child).
    def cand(n, field, relation, score, fit=1):
        item = SimpleNamespace(n=n, section="child", hint="")
        return SimpleNamespace(field=field, relation=relation, child=0, score=score, fit=fit,
                               label=SimpleNamespace(item=item))

    first = [cand(1, "child.name", "right", 0.99), cand(1, "child.name", "child_col", 0.05),
             cand(2, "child.dob", "right", 0.99), cand(2, "child.dob", "child_col", 0.1)]
    second = [cand(5, "child.name", "right", 0.99), cand(5, "child.name", "child_col", 0.05),
              cand(6, "child.dob", "right", 0.99), cand(6, "child.dob", "child_col", 0.1)]
    settle(first + second, [0, 4])
    assert [c.child for c in first + second if c.relation == "right"] == [0, 0, 1, 1]
    grid = [cand(1, "child.name", "right", 0.99), cand(1, "child.name", "child_col", 0.97)]  # a real grid
    settle(grid, [])
    assert grid[0].child == 0
