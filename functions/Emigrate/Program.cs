// Placeholder so the app compiles until the host's Program.cs lands from its own branch.
return 0;
