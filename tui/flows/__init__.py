"""What keys set off across screens, kept out of `screens/` (which holds only screens):
assign and status flows (pick, confirm, apply, report), what the pickers list, editing in
$EDITOR, and how a screen's failed background work is reported."""
