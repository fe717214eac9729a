//! Local input: single files and whole mirrors (wget/HTTrack folders), walked recursively.
