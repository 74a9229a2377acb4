module github.com/wetee-dao/libwetee/bindings/go

go 1.22
