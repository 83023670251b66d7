"""The screens: home, a case, the generic form, and dialogs."""
